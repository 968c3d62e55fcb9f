/**
 * @module The board the insights scenario measures: the client scenario's 2,000 cards under 12
 * objectives of 5 key results (bench/client/bigBoard.ts), in a published quarter 12 weeks in, with
 * 12 weekly check-ins per key result (every fifth one two days late, values and confidences varied).
 */
import { DAY_MS } from '../../shared/rules/index.ts'
import type { Seed } from '../../test/e2e/helpers/api.ts'
import { bigBoardSeed } from '../client/bigBoard.ts'

export const INSIGHTS_CARDS = 2000
export const WEEKLY_CHECK_INS = 12

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** The seed at `now`: the quarter started 12 weeks and 3 days ago and lasts 13 weeks. */
export function insightsBoardSeed(now: number): Seed & { readonly cycle: NonNullable<Seed['cycle']> } {
  const board = bigBoardSeed(INSIGHTS_CARDS, now)
  const start = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate()) - (WEEKLY_CHECK_INS * 7 + 3) * DAY_MS
  const keyResults = board.keyResults ?? []
  const checkIns = keyResults.flatMap((kr, k) =>
    Array.from({ length: WEEKLY_CHECK_INS }, (_, w) => ({
      id: `ci-${kr.id}-${w}`,
      keyResultId: kr.id,
      value: Math.round(((100 * (w + 1)) / 13) * (0.5 + 0.5 * ((k % 5) / 4))),
      confidence: 4 + ((k + w) % 6),
      at: start + ((w + 1) * 7 - 1 + ((k + w) % 5 === 0 ? 3 : 0)) * DAY_MS,
      note: `Week ${w + 1}`,
    })),
  )
  const createdAt = start - DAY_MS
  return {
    ...board,
    name: `Insights board (${INSIGHTS_CARDS} cards)`,
    cycle: { name: 'This quarter', startDate: iso(start), endDate: iso(start + 90 * DAY_MS), status: 'published' },
    objectives: (board.objectives ?? []).map((o) => ({ ...o, createdAt })),
    keyResults: keyResults.map((kr) => ({ ...kr, createdAt })),
    checkIns,
  }
}
