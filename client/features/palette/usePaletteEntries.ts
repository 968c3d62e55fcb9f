/** @module The palette's entries now: commands that apply, then the records of the cycle in view (read only while the palette is open). */
import { useCallback, useMemo } from 'react'
import type { WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { useCycle } from '../../hooks/useCycle.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { useView } from '../../hooks/useView.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { commandEntries, recordEntries } from './searchEntries.ts'
import type { PaletteEntry } from './searchEntries.ts'

export function usePaletteEntries(theme: 'light' | 'dark'): { commands: PaletteEntry[]; records: PaletteEntry[] } {
  const { canEdit } = useWorkspace()
  const { view, keyResultId } = useView()
  const cycleId = useCycle()?.id ?? null
  const records = useSnapshot(useCallback((snap: WorkspaceSnapshot) => recordEntries(snap, cycleId), [cycleId]))
  const krTitle = useSnapshot(useCallback((snap: WorkspaceSnapshot) => (keyResultId === null ? null : (snap.keyResults.get(keyResultId)?.title ?? null)), [keyResultId]))
  const commands = useMemo(
    () => commandEntries({ canEdit, view, theme, openKeyResult: keyResultId !== null && krTitle !== null ? { id: keyResultId, title: krTitle } : null }),
    [canEdit, view, theme, keyResultId, krTitle],
  )
  return { commands, records }
}
