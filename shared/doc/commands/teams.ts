/** @module Team commands. */
import * as z from 'zod/mini'
import type { TeamId } from '../../model/index.ts'
import { nameSchema, parse, teamIdSchema } from '../input.ts'
import { must } from '../errors.ts'
import { Root, insertRecord, recordOf } from '../schema.ts'
import type { Session } from '../session.ts'

const teamInput = z.object({ id: z.optional(teamIdSchema), name: nameSchema })

export function createTeam(s: Session, input: z.input<typeof teamInput>): TeamId {
  const t = parse(teamInput, input)
  const id = t.id ?? s.newId<TeamId>()
  s.doc.transact(() => insertRecord(s.doc, Root.Teams, id, { name: t.name }), s.origin)
  return id
}

export function renameTeam(s: Session, id: TeamId, name: string): void {
  const value = parse(nameSchema, name)
  const m = must(recordOf(s.doc, Root.Teams, id), 'team', id)
  s.doc.transact(() => m.set('name', value), s.origin)
}

/** Deletes a team; people and objectives that named it show no team from then on. */
export function deleteTeam(s: Session, id: TeamId): void {
  must(recordOf(s.doc, Root.Teams, id), 'team', id)
  s.doc.transact(() => s.doc.getMap(Root.Teams).delete(id), s.origin)
}
