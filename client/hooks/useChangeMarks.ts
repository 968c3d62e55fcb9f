/**
 * @module What changed since the checkpoint in view, by record id: the history view shows the
 * board and the OKR tree as they were and provides these marks ("progress 40% → 55%"); the live
 * views have none (null), so they render exactly as before.
 */
import { createContext, useContext } from 'react'

/** Record id (key result, card, objective) to what changed on it since then, in words. */
export type ChangeMarks = ReadonlyMap<string, string>

export const ChangeMarksContext = createContext<ChangeMarks | null>(null)

/** What changed on `id` since the checkpoint in view, or null (nothing did, or this is the live view). */
export function useChangeMark(id: string): string | null {
  return useContext(ChangeMarksContext)?.get(id) ?? null
}

/** Whether this is a past state (the history view): live-only parts (banners about now) stay out. */
export function usePast(): boolean {
  return useContext(ChangeMarksContext) !== null
}
