/** @module "+" at the end of the header row: a new column with a name, a kind and an optional WIP limit. */
import { useState } from 'react'
import { createColumn } from '../../../shared/doc/index.ts'
import { ColumnKind } from '../../../shared/model/index.ts'
import { Button, IconButton } from '../../ui/Button.tsx'
import { Dialog } from '../../ui/Dialog.tsx'
import { SelectField, TextField } from '../../ui/Field.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { useBoard } from './BoardContext.ts'
import { InlineAlert } from './InlineAlert.tsx'
import { useCommand } from '../../app/index.ts'

export function AddColumn() {
  const { ws } = useBoard()
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [kind, setKind] = useState<ColumnKind>(ColumnKind.Doing)
  const [wip, setWip] = useState('')
  const { error, run, clearError } = useCommand()
  const close = () => {
    setOpen(false)
    setName('')
    setWip('')
    clearError()
  }
  const submit = () => {
    if (run(() => createColumn(ws.session, { name, kind, wipLimit: wip.trim() === '' ? null : Number(wip) }))) close()
  }
  return (
    <div className="board-head__add">
      <IconButton label="Add column" icon={<Icon name="plus" />} onClick={() => setOpen(true)} />
      <Dialog
        title="Add column"
        open={open}
        onClose={close}
        footer={
          <>
            <Button variant="ghost" onClick={close}>
              Cancel
            </Button>
            <Button variant="primary" type="submit" form="add-column-form">
              Add column
            </Button>
          </>
        }
      >
        <form
          id="add-column-form"
          className="dialog-form"
          onSubmit={(e) => {
            e.preventDefault()
            submit()
          }}
        >
          <TextField label="Name" value={name} autoFocus onChange={(e) => setName(e.target.value)} />
          <SelectField label="Kind" hint="Done columns count toward progress; Doing and Blocked cards age." value={kind} onChange={(e) => setKind(e.target.value as ColumnKind)}>
            <option value="todo">To do</option>
            <option value="doing">Doing</option>
            <option value="blocked">Blocked</option>
            <option value="done">Done</option>
          </SelectField>
          <TextField label="WIP limit" hint="Leave empty for no limit." type="number" min={1} value={wip} onChange={(e) => setWip(e.target.value)} />
          <InlineAlert message={error} onDismiss={clearError} />
        </form>
      </Dialog>
    </div>
  )
}
