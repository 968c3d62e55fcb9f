/** @module Objective commands: drafted together, fixed once their cycle is published. */
import * as Y from 'yjs'
import * as z from 'zod/mini'
import { ObjectiveLevel, ObjectiveStatus, Origin, enumValues } from '../../model/index.ts'
import type { Alignment, ObjectiveId } from '../../model/index.ts'
import { CommandErrorCode, refuse } from '../errors.ts'
import { cycleIdSchema, idSchema, keyResultIdSchema, longTextSchema, objectiveIdSchema, parse, personIdSchema, teamIdSchema, titleSchema } from '../input.ts'
import { allRecords, cycleRecord, keyResultRecord, objectiveRecord, requireDraft, requireNotClosed, requireRef } from '../lookup.ts'
import { readKeyResult, readObjective } from '../read.ts'
import { Root, insertRecord, newText } from '../schema.ts'
import type { Session } from '../session.ts'
import { setTextField } from '../text.ts'
import { detachKeyResult } from './detach.ts'

const level = z.enum(enumValues(ObjectiveLevel) as [ObjectiveLevel, ...ObjectiveLevel[]])
const origin = z.enum(enumValues(Origin) as [Origin, ...Origin[]])
const status = z.enum(enumValues(ObjectiveStatus) as [ObjectiveStatus, ...ObjectiveStatus[]])
const alignment = z.nullable(
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('objective'), id: objectiveIdSchema }),
    z.object({ kind: z.literal('keyResult'), id: keyResultIdSchema }),
  ]),
)

const createInput = z.object({
  id: z.optional(objectiveIdSchema),
  cycleId: cycleIdSchema,
  title: titleSchema,
  description: z._default(longTextSchema, ''),
  level: z._default(level, ObjectiveLevel.Team),
  ownerId: z._default(z.nullable(personIdSchema), null),
  teamId: z._default(z.nullable(teamIdSchema), null),
  alignment: z._default(alignment, null),
  origin: z._default(origin, Origin.TopDown),
})

export type CreateObjectiveInput = z.input<typeof createInput>

/** Adds an objective to a draft cycle. */
export function createObjective(s: Session, input: CreateObjectiveInput): ObjectiveId {
  const o = parse(createInput, input)
  const [cycle] = cycleRecord(s.doc, o.cycleId)
  requireDraft(cycle, 'Cannot add an objective')
  requireRef(s.doc, Root.People, 'person', o.ownerId)
  requireRef(s.doc, Root.Teams, 'team', o.teamId)
  const id = o.id ?? s.newId<ObjectiveId>()
  if (o.alignment !== null) checkAlignment(s, id, o.alignment as Alignment)
  s.doc.transact(() => {
    insertRecord(s.doc, Root.Objectives, id, {
      cycleId: o.cycleId,
      title: newText(o.title),
      description: newText(o.description),
      wentWell: newText(''),
      toChange: newText(''),
      level: o.level,
      ownerId: o.ownerId,
      teamId: o.teamId,
      alignment: o.alignment,
      origin: o.origin,
      status: ObjectiveStatus.Active,
      createdAt: s.now(),
    })
  }, s.origin)
  return id
}

const patchInput = z.partial(
  z.strictObject({
    title: titleSchema,
    description: longTextSchema,
    level,
    ownerId: z.nullable(personIdSchema),
    teamId: z.nullable(teamIdSchema),
    alignment,
    origin,
    status,
  }),
)

export type ObjectivePatch = z.input<typeof patchInput>

/** Fields that are part of the agreed objective, fixed once the cycle is published. */
const FIXED_WHEN_PUBLISHED = ['title', 'description', 'level', 'alignment', 'origin'] as const

/**
 * Edits an objective. Text fields are merged character by character with concurrent typing.
 * Once the cycle is published only owner, team and status may change; once it is closed, nothing.
 */
export function updateObjective(s: Session, id: ObjectiveId, patch: ObjectivePatch): void {
  const input = parse(patchInput, patch)
  const [objective, m] = objectiveRecord(s.doc, id)
  const [cycle] = cycleRecord(s.doc, objective.cycleId)
  requireNotClosed(cycle, 'Cannot change the objective')
  if (FIXED_WHEN_PUBLISHED.some((key) => input[key] !== undefined)) requireDraft(cycle, 'Cannot change the objective')
  requireRef(s.doc, Root.People, 'person', input.ownerId)
  requireRef(s.doc, Root.Teams, 'team', input.teamId)
  if (input.alignment) checkAlignment(s, id, input.alignment as Alignment)
  s.doc.transact(() => {
    for (const [key, value] of Object.entries(input)) {
      if (key === 'title' || key === 'description') setTextField(m, key, value as string)
      else m.set(key, value)
    }
  }, s.origin)
}

/**
 * Deletes an objective of a draft cycle with its key results; their tasks stay on the board
 * unlinked, and objectives aligned under it lose that alignment.
 */
export function deleteObjective(s: Session, id: ObjectiveId): void {
  parse(idSchema, id)
  const [objective] = objectiveRecord(s.doc, id)
  requireDraft(cycleRecord(s.doc, objective.cycleId)[0], 'Cannot delete the objective')
  const keyResults = allRecords(s.doc, Root.KeyResults, readKeyResult).filter((k) => k.objectiveId === id)
  s.doc.transact(() => {
    for (const kr of keyResults) detachKeyResult(s.doc, kr.id)
    for (const child of allRecords(s.doc, Root.Objectives, readObjective)) {
      if (child.alignment?.kind === 'objective' && child.alignment.id === id) {
        const m = s.doc.getMap(Root.Objectives).get(child.id)
        if (m instanceof Y.Map) m.set('alignment', null)
      }
    }
    s.doc.getMap(Root.Objectives).delete(id)
  }, s.origin)
}

/** Refuses an alignment whose target is missing or that would make `id` its own ancestor. */
function checkAlignment(s: Session, id: ObjectiveId, target: Alignment): void {
  let parent: string =
    target.kind === 'objective' ? objectiveRecord(s.doc, target.id)[0].id : keyResultRecord(s.doc, target.id)[0].objectiveId
  const seen = new Set<string>()
  while (!seen.has(parent)) {
    if (parent === id) {
      refuse(CommandErrorCode.AlignmentCycle, 'That alignment would make the objective its own ancestor', target.id)
    }
    seen.add(parent)
    const m = s.doc.getMap(Root.Objectives).get(parent)
    if (!(m instanceof Y.Map)) return
    const up = readObjective(parent, m).alignment
    if (up === null) return
    if (up.kind === 'objective') parent = up.id
    else {
      const kr = s.doc.getMap(Root.KeyResults).get(up.id)
      if (!(kr instanceof Y.Map)) return
      parent = readKeyResult(up.id, kr).objectiveId
    }
  }
}
