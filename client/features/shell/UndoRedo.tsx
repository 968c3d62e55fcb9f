/** @module Undo and redo buttons for my own changes; disabled when there is nothing to undo or redo. */
import { useUndo } from '../../hooks/useUndo.ts'
import { IconButton } from '../../ui/Button.tsx'
import { Icon } from '../../ui/Icon.tsx'

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
const MOD = MAC ? '⌘' : 'Ctrl+'

export function UndoRedo() {
  const { canUndo, canRedo, undo, redo } = useUndo()
  return (
    <span className="toolbar-group" role="group" aria-label="History">
      <IconButton label="Undo" title={`Undo (${MOD}Z)`} icon={<Icon name="undo" />} disabled={!canUndo} onClick={undo} />
      <IconButton label="Redo" title={`Redo (${MAC ? '⇧⌘Z' : 'Ctrl+Y'})`} icon={<Icon name="redo" />} disabled={!canRedo} onClick={redo} />
    </span>
  )
}
