/**
 * @module The board the client scenario opens: 12 objectives of 5 key results each, `cards` cards
 * spread round-robin over the 60 lanes and the four default columns, and 3 check-ins per key
 * result, imported through `POST /api/workspaces/import` (the e2e suites' `seedWorkspace`).
 */
import { DAY_MS, seedWorkspace } from '../../test/e2e/helpers/api.ts'
import type { CreatedWorkspace, Seed } from '../../test/e2e/helpers/api.ts'
import { DEFAULT_COLUMNS } from '../../shared/doc/index.ts'

export const OBJECTIVES = 12
export const KEY_RESULTS_PER_OBJECTIVE = 5
export const CHECK_INS_PER_KEY_RESULT = 3

/** The shape of a board of `cards` cards. */
export function bigBoardSeed(cards: number, now = Date.now()): Seed {
  const objectives = Array.from({ length: OBJECTIVES }, (_, o) => ({ id: `obj-${o}`, title: `Objective ${o + 1}: grow the business in region ${o + 1}` }))
  const keyResults = objectives.flatMap((o, oi) =>
    Array.from({ length: KEY_RESULTS_PER_OBJECTIVE }, (_, k) => ({
      id: `kr-${oi}-${k}`,
      objectiveId: o.id,
      title: `KR ${oi + 1}.${k + 1}: raise metric ${k + 1} from 0 to 100`,
    })),
  )
  // Lane by lane, then column by column, so every lane holds cards in all four columns.
  const tasks = Array.from({ length: cards }, (_, i) => {
    const kr = keyResults[i % keyResults.length]!
    const column = DEFAULT_COLUMNS[Math.floor(i / keyResults.length) % DEFAULT_COLUMNS.length]!
    return { id: `task-${i}`, title: `Task ${i + 1}: follow up on item ${i + 1}`, columnId: column.id, keyResultId: kr.id }
  })
  const checkIns = keyResults.flatMap((kr) =>
    Array.from({ length: CHECK_INS_PER_KEY_RESULT }, (_, c) => ({
      id: `ci-${kr.id}-${c}`,
      keyResultId: kr.id,
      value: 10 * (c + 1),
      confidence: 7,
      at: now - (CHECK_INS_PER_KEY_RESULT - c) * 7 * DAY_MS,
      note: `Week ${c + 1}`,
    })),
  )
  return { name: `Big board (${cards} cards)`, objectives, keyResults, tasks, checkIns }
}

export function importBigBoard(baseUrl: string, cards: number): Promise<CreatedWorkspace> {
  return seedWorkspace(baseUrl, bigBoardSeed(cards))
}
