/** @module What every card of the tree shares, computed once by OkrTreeView instead of per card. */
import { createContext, useContext } from 'react'
import type { Cycle, KeyResultId } from '../../../shared/model/index.ts'
import type { StallWarning, WritingHint } from '../../../shared/rules/index.ts'

export interface OkrTreeShared {
  readonly cycle: Cycle
  readonly now: number
  readonly hints: readonly WritingHint[]
  /** Warnings whose target is the key result itself. */
  readonly stalls: ReadonlyMap<KeyResultId, readonly StallWarning[]>
  /** I may edit, and the cycle is not closed. */
  readonly canEdit: boolean
  /** Objectives are fixed: the cycle is published or closed. */
  readonly fixed: boolean
}

export const OkrTreeContext = createContext<OkrTreeShared | null>(null)

export function useOkrTreeShared(): OkrTreeShared {
  const shared = useContext(OkrTreeContext)
  if (shared === null) throw new Error('useOkrTreeShared() needs <OkrTreeView> above it')
  return shared
}
