/**
 * @module A column's settings: name, kind, WIP limit, move left/right (buttons, so reordering is
 * reachable by keyboard), and delete after a confirmation that says where its cards go.
 */
import { useState } from 'react'
import { deleteColumn, moveColumn, updateColumn } from '../../../shared/doc/index.ts'
import type { Column, ColumnKind } from '../../../shared/model/index.ts'
import { Button } from '../../ui/Button.tsx'
import { Dialog } from '../../ui/Dialog.tsx'
import { SelectField, TextField } from '../../ui/Field.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { useBoard } from './BoardContext.ts'
import { InlineAlert } from './InlineAlert.tsx'
import { useCommand } from '../../app/index.ts'

export interface ColumnSettingsProps {
  readonly column: Column
  readonly count: number
  readonly index: number
  readonly total: number
  readonly onClose: () => void
}

export function ColumnSettingsDialog({ column, count, index, total, onClose }: ColumnSettingsProps) {
  const { ws } = useBoard()
  const [name, setName] = useState(column.name)
  const [kind, setKind] = useState<ColumnKind>(column.kind)
  const [wip, setWip] = useState(column.wipLimit === null ? '' : String(column.wipLimit))
  const [confirming, setConfirming] = useState(false)
  const { error, run, clearError } = useCommand()

  const save = () => {
    const wipLimit = wip.trim() === '' ? null : Number(wip)
    const patch = {
      ...(name.trim() !== column.name ? { name } : {}),
      ...(kind !== column.kind ? { kind } : {}),
      ...(wipLimit !== column.wipLimit ? { wipLimit } : {}),
    }
    if (Object.keys(patch).length === 0 || run(() => updateColumn(ws.session, column.id, patch))) onClose()
  }
  const move = (to: number) => run(() => moveColumn(ws.session, column.id, to))
  const remove = () => {
    if (run(() => deleteColumn(ws.session, column.id))) onClose()
  }

  return (
    <Dialog
      title={`Column: ${column.name}`}
      open
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form={`column-${column.id}`}>
            Save
          </Button>
        </>
      }
    >
      <form
        id={`column-${column.id}`}
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault()
          save()
        }}
      >
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} />
        <SelectField label="Kind" value={kind} onChange={(e) => setKind(e.target.value as ColumnKind)}>
          <option value="todo">To do</option>
          <option value="doing">Doing</option>
          <option value="blocked">Blocked</option>
          <option value="done">Done</option>
        </SelectField>
        <TextField label="WIP limit" hint="Most cards the column should hold; empty for no limit." type="number" min={1} value={wip} onChange={(e) => setWip(e.target.value)} />
      </form>
      <div className="dialog-row" role="group" aria-label="Position">
        <span className="dialog-row__label">
          Position {index + 1} of {total}
        </span>
        <Button size="sm" disabled={index === 0} onClick={() => move(index - 1)} aria-label={`Move ${column.name} left`}>
          <span className="flip"><Icon name="chevronRight" size={14} /></span> Move left
        </Button>
        <Button size="sm" disabled={index === total - 1} onClick={() => move(index + 1)} aria-label={`Move ${column.name} right`}>
          Move right <Icon name="chevronRight" size={14} />
        </Button>
      </div>
      <div className="dialog-row dialog-row--danger">
        {confirming ? (
          <>
            <span className="dialog-row__label">
              Delete {column.name}? Its {count} {count === 1 ? 'card moves' : 'cards move'} to another column.
            </span>
            <Button size="sm" variant="danger" onClick={remove}>
              Yes, delete
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </>
        ) : (
          <Button size="sm" variant="danger" onClick={() => setConfirming(true)} disabled={total <= 1}>
            <Icon name="trash" size={14} /> Delete column
          </Button>
        )}
      </div>
      <InlineAlert message={error} onDismiss={clearError} />
    </Dialog>
  )
}
