/** @module Data hooks of the OKR tree: the tree, the writing hints and the people to pick from. */
import { useCallback } from 'react'
import type { CycleId, Person, Team } from '../../../shared/model/index.ts'
import { writingHints } from '../../../shared/rules/index.ts'
import type { WritingHint } from '../../../shared/rules/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { buildOkrTree } from './buildOkrTree.ts'
import type { OkrTree } from './buildOkrTree.ts'

const EMPTY_TREE: OkrTree = { roots: [], count: 0 }

export function useOkrTree(cycleId: CycleId | null): OkrTree {
  const select = useCallback((snap: Parameters<typeof buildOkrTree>[0]) => (cycleId === null ? EMPTY_TREE : buildOkrTree(snap, cycleId)), [cycleId])
  return useSnapshot(select)
}

/** Same hints in the same order: keeps the previous array so nothing re-renders on a keystroke elsewhere. */
function sameHints(a: readonly WritingHint[], b: readonly WritingHint[]): boolean {
  return a.length === b.length && a.every((h, i) => h.message === b[i]?.message && h.target.id === b[i]?.target.id)
}

/** The writing hints (L1-L6) of the cycle, live as anyone edits. */
export function useWritingHints(cycleId: CycleId | null): readonly WritingHint[] {
  const select = useCallback((snap: Parameters<typeof writingHints>[0]) => (cycleId === null ? [] : writingHints(snap, { cycleId })), [cycleId])
  return useSnapshot(select, sameHints)
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name)

export function usePeople(): readonly Person[] {
  const people = useSnapshot((s) => s.people)
  return [...people.values()].sort(byName)
}

export function useTeams(): readonly Team[] {
  const teams = useSnapshot((s) => s.teams)
  return [...teams.values()].sort(byName)
}
