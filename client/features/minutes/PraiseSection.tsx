/** @module The praise given during a meeting: who thanked whom, for what. */
import type { PersonId, Praise, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { PersonLink } from '../people/index.ts'

const peopleOf = (s: WorkspaceSnapshot) => s.people

export function PraiseSection({ praise }: { praise: readonly Praise[] }) {
  const people = useSnapshot(peopleOf)
  const nameOf = (id: PersonId | null) => (id === null ? 'Someone' : (people.get(id)?.name ?? 'Someone'))
  return (
    <section className="minutes-praise" aria-labelledby="minutes-praise-title">
      <h2 id="minutes-praise-title">Praise</h2>
      {praise.length === 0 && <p className="minutes-page__none">No praise was given in this meeting.</p>}
      <ul>
        {praise.map((p) => (
          <li key={p.id}>
            <PersonLink personId={p.fromPersonId}>{nameOf(p.fromPersonId)}</PersonLink> thanked{' '}
            <PersonLink personId={p.toPersonId}>
              <strong>{nameOf(p.toPersonId)}</strong>
            </PersonLink>
            : {p.text}
          </li>
        ))}
      </ul>
    </section>
  )
}
