/** @module Names of the board's columns, key results and cards, for screen-reader announcements. */
import type { BoardNames } from './announcements.ts'
import type { BoardModel } from './boardModel.ts'

export function boardNames(model: BoardModel | null): BoardNames {
  const columns = new Map(model?.columns.map((c) => [c.id, c.name]) ?? [])
  const keyResults = new Map()
  const tasks = new Map<string, string>()
  for (const group of model?.groups ?? []) {
    for (const lane of group.lanes) if (lane.keyResult) keyResults.set(lane.keyResult.id, lane.keyResult.title)
  }
  for (const list of model?.cells.values() ?? []) for (const task of list) tasks.set(task.id, task.title)
  return { columns, keyResults, tasks }
}
