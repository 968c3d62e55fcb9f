/** @module A person's avatar and name; people records carry no colour, so it comes from the name. */
import type { PersonId } from '../../../shared/model/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { colorFor } from '../../sync/identity.ts'
import { Avatar } from '../../ui/Avatar.tsx'
import './person.css'

export function PersonChip({ personId, role = 'Owner', nameHidden = false }: { personId: PersonId | null; role?: string; nameHidden?: boolean }) {
  const person = useSnapshot((s) => (personId === null ? undefined : s.people.get(personId)))
  if (!person) return <span className="person person--none">{nameHidden ? null : 'No owner'}</span>
  return (
    <span className="person">
      <Avatar name={person.name} color={colorFor(person.name)} size="sm" detail={role.toLowerCase()} />
      {!nameHidden && <span className="person__name">{person.name}</span>}
    </span>
  )
}
