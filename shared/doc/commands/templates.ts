/**
 * @module applyTemplate: writes an OKR template (shared/doc/templates) into an empty draft cycle,
 * through the ordinary commands, in one transaction, so peers see the whole set arrive at once
 * and one undo takes it back.
 */
import * as z from 'zod/mini'
import { ColumnKind, enumValues } from '../../model/index.ts'
import type { ColumnId, ObjectiveId, TeamId } from '../../model/index.ts'
import { CommandErrorCode, refuse } from '../errors.ts'
import { cycleIdSchema, parse } from '../input.ts'
import { allRecords, cycleRecord, requireDraft } from '../lookup.ts'
import { readColumn, readObjective, readTeam } from '../read.ts'
import { byRank } from '../rank.ts'
import { Root } from '../schema.ts'
import type { Session } from '../session.ts'
import { TemplateId, templateById } from '../templates/index.ts'
import type { KeyResultTemplate } from '../templates/index.ts'
import { createKeyResult } from './keyResults.ts'
import type { CreateKeyResultInput } from './keyResults.ts'
import { createObjective } from './objectives.ts'
import { createTask } from './tasks.ts'
import { createTeam } from './teams.ts'

const DAY = 86_400_000

const applyInput = z.object({
  cycleId: cycleIdSchema,
  templateId: z.enum(enumValues(TemplateId) as [TemplateId, ...TemplateId[]]),
})

export type ApplyTemplateInput = z.input<typeof applyInput>

/**
 * Fills an empty draft cycle with a template's objectives, key results and first tasks; the
 * template's team is reused by name or created. Refuses a cycle that already has objectives, so
 * a template never mixes into a plan people have started.
 */
export function applyTemplate(s: Session, input: ApplyTemplateInput): readonly ObjectiveId[] {
  const { cycleId, templateId } = parse(applyInput, input)
  const template = templateById(templateId)
  if (template === undefined) return refuse(CommandErrorCode.NotFound, `No template "${templateId}"`, templateId)
  const [cycle] = cycleRecord(s.doc, cycleId)
  requireDraft(cycle, 'Cannot start from a template')
  if (allRecords(s.doc, Root.Objectives, readObjective).some((o) => o.cycleId === cycleId)) {
    refuse(CommandErrorCode.InUse, `The cycle "${cycle.name}" already has objectives; templates fill an empty cycle`)
  }
  const todo = firstTodoColumn(s)
  const dueDate = dueDateIn(cycle.startDate, cycle.endDate)
  const ids: ObjectiveId[] = []
  s.doc.transact(() => {
    const teamId = template.team === null ? null : teamNamed(s, template.team)
    // Records made in one transaction share a timestamp, and views break ties by id: ids with
    // one random stem and the template's positions keep its order everywhere.
    const stem = s.newId()
    template.objectives.forEach((o, i) => {
      const objectiveId = createObjective(s, {
        id: `${stem}-${i}`,
        cycleId,
        title: o.title,
        description: o.description,
        level: o.level,
        origin: o.origin,
        teamId,
      })
      ids.push(objectiveId)
      o.keyResults.forEach((kr, j) => {
        const keyResultId = createKeyResult(s, { ...keyResultInput(objectiveId, kr, dueDate), id: `${stem}-${i}-${j}` })
        for (const title of kr.tasks ?? []) createTask(s, { title, columnId: todo, keyResultId })
      })
    })
  }, s.origin)
  return ids
}

function keyResultInput(objectiveId: ObjectiveId, kr: KeyResultTemplate, dueDate: (share: number) => string): CreateKeyResultInput {
  return {
    objectiveId,
    title: kr.title,
    kind: kr.kind,
    weight: kr.weight,
    unit: kr.unit ?? '',
    start: kr.start ?? null,
    target: kr.target ?? null,
    rangeLow: kr.rangeLow ?? null,
    rangeHigh: kr.rangeHigh ?? null,
    dueDate: kr.dueAt === undefined ? null : dueDate(kr.dueAt),
  }
}

/** A date `share` of the way through the cycle, as YYYY-MM-DD. */
function dueDateIn(startDate: string, endDate: string): (share: number) => string {
  const start = Date.parse(`${startDate}T00:00:00Z`)
  const end = Date.parse(`${endDate}T00:00:00Z`)
  return (share) => new Date(start + Math.round(((end - start) / DAY) * share) * DAY).toISOString().slice(0, 10)
}

/** The leftmost to-do column, else the leftmost column: where a template's cards start. */
function firstTodoColumn(s: Session): ColumnId {
  const columns = allRecords(s.doc, Root.Columns, readColumn).sort(byRank((c) => c.order))
  const column = columns.find((c) => c.kind === ColumnKind.Todo) ?? columns[0]
  if (column === undefined) return refuse(CommandErrorCode.NotFound, 'The board has no column to put tasks in')
  return column.id
}

function teamNamed(s: Session, name: string): TeamId {
  const existing = allRecords(s.doc, Root.Teams, readTeam).find((t) => t.name.trim().toLowerCase() === name.toLowerCase())
  return existing?.id ?? createTeam(s, { name })
}
