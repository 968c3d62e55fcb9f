/** @module The order an import writes a workspace's tasks in: the board's, top lane first. */

/** What the order reads of an export (WorkspaceExport is this and more). */
interface Ordered {
  readonly objectives: ReadonlyArray<{ readonly id: string; readonly level: string; readonly createdAt: number; readonly title: string }>
  readonly keyResults: ReadonlyArray<{ readonly id: string; readonly objectiveId: string; readonly createdAt: number; readonly title: string }>
  readonly columns: ReadonlyArray<{ readonly id: string; readonly order: string }>
}

interface OrderedTask {
  readonly id: string
  readonly placement: { readonly columnId: string; readonly keyResultId: string | null; readonly rank: string }
}

const LEVEL_ORDER: Readonly<Record<string, number>> = { company: 0, team: 1, individual: 2 }

const byCreation = <T extends { createdAt: number; title: string; id: string }>(a: T, b: T) =>
  a.createdAt - b.createdAt || a.title.localeCompare(b.title, 'en', { numeric: true }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * `x.tasks` sorted as a board shows them: lanes in the board's order (objectives by level, then
 * creation; their key results by creation), unlinked cards last; in a lane, column by column and
 * by rank. A document written in this order reaches a joining browser lane by lane (the server
 * sends the first sync in pieces in the order it was written), so the top of the board is drawn
 * from the first pieces. Only the order changes, never what is written.
 */
export function tasksInBoardOrder<T extends OrderedTask>(x: Ordered & { readonly tasks: readonly T[] }): T[] {
  const objectives = [...x.objectives].sort((a, b) => (LEVEL_ORDER[a.level] ?? 3) - (LEVEL_ORDER[b.level] ?? 3) || byCreation(a, b))
  const objectiveAt = new Map(objectives.map((o, i) => [o.id, i]))
  const keyResults = [...x.keyResults].sort((a, b) => (objectiveAt.get(a.objectiveId) ?? Infinity) - (objectiveAt.get(b.objectiveId) ?? Infinity) || byCreation(a, b))
  const laneAt = new Map(keyResults.map((k, i) => [k.id, i]))
  const columnAt = new Map([...x.columns].sort((a, b) => compare(a.order, b.order) || compare(a.id, b.id)).map((c, i) => [c.id, i]))
  const lane = (t: T) => (t.placement.keyResultId === null ? Infinity : (laneAt.get(t.placement.keyResultId) ?? Infinity))
  return [...x.tasks].sort(
    (a, b) =>
      lane(a) - lane(b) ||
      (columnAt.get(a.placement.columnId) ?? Infinity) - (columnAt.get(b.placement.columnId) ?? Infinity) ||
      compare(a.placement.rank, b.placement.rank) ||
      compare(a.id, b.id),
  )
}
