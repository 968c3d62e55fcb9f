/** @module People commands. */
import * as z from 'zod/mini'
import type { PersonId } from '../../model/index.ts'
import { must } from '../errors.ts'
import { nameSchema, parse, personIdSchema, teamIdSchema } from '../input.ts'
import { requireRef } from '../lookup.ts'
import { Root, insertRecord, recordOf } from '../schema.ts'
import type { Session } from '../session.ts'

const personInput = z.object({ id: z.optional(personIdSchema), name: nameSchema, teamId: z._default(z.nullable(teamIdSchema), null) })
const personPatch = z.partial(z.strictObject({ name: nameSchema, teamId: z.nullable(teamIdSchema) }))

export function createPerson(s: Session, input: z.input<typeof personInput>): PersonId {
  const p = parse(personInput, input)
  requireRef(s.doc, Root.Teams, 'team', p.teamId)
  const id = p.id ?? s.newId<PersonId>()
  s.doc.transact(() => insertRecord(s.doc, Root.People, id, { name: p.name, teamId: p.teamId }), s.origin)
  return id
}

export function updatePerson(s: Session, id: PersonId, patch: z.input<typeof personPatch>): void {
  const input = parse(personPatch, patch)
  const m = must(recordOf(s.doc, Root.People, id), 'person', id)
  requireRef(s.doc, Root.Teams, 'team', input.teamId)
  s.doc.transact(() => {
    for (const [key, value] of Object.entries(input)) m.set(key, value)
  }, s.origin)
}

/** Removes a person; what they owned or were assigned shows as unowned from then on. */
export function deletePerson(s: Session, id: PersonId): void {
  must(recordOf(s.doc, Root.People, id), 'person', id)
  s.doc.transact(() => s.doc.getMap(Root.People).delete(id), s.origin)
}
