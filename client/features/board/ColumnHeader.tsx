/**
 * @module A column's header: name (click to rename, for editors), card count against its WIP
 * limit ("3 / 4"), a visible "Over limit" flag with the numbers as text, and the settings button.
 */
import { Suspense, lazy, memo, useState } from 'react'
import { updateColumn } from '../../../shared/doc/index.ts'
import type { Column } from '../../../shared/model/index.ts'
import { IconButton } from '../../ui/Button.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { useBoard } from './BoardContext.ts'

// Column settings load when first opened: most visits never open them.
const ColumnSettingsDialog = lazy(() => import('./ColumnSettingsDialog.tsx').then((m) => ({ default: m.ColumnSettingsDialog })))

export interface ColumnHeaderProps {
  readonly column: Column
  readonly count: number
  readonly index: number
  readonly total: number
}

export const ColumnHeader = memo(function ColumnHeader({ column, count, index, total }: ColumnHeaderProps) {
  const { canEdit, ws, report } = useBoard()
  const [renaming, setRenaming] = useState(false)
  const [settings, setSettings] = useState(false)
  const limit = column.wipLimit
  const over = limit !== null && count > limit
  const countText = limit === null ? `${count} cards` : `${count} cards, WIP limit ${limit}${over ? ', over the limit' : ''}`

  const rename = (value: string) => {
    setRenaming(false)
    const name = value.trim()
    if (name === '' || name === column.name) return
    try {
      updateColumn(ws.session, column.id, { name })
    } catch (err) {
      report(err)
    }
  }

  return (
    <div className={`col-head col-head--${column.kind}${over ? ' col-head--over' : ''}`}>
      {renaming ? (
        <input
          className="col-head__input"
          aria-label={`Rename column ${column.name}`}
          defaultValue={column.name}
          autoFocus
          onFocus={(e) => e.currentTarget.select()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') rename(e.currentTarget.value)
            if (e.key === 'Escape') setRenaming(false)
          }}
          onBlur={(e) => rename(e.currentTarget.value)}
        />
      ) : canEdit ? (
        <button type="button" className="col-head__name col-head__name--button" onClick={() => setRenaming(true)} title="Rename">
          {column.name}
        </button>
      ) : (
        <span className="col-head__name">{column.name}</span>
      )}
      <span className="col-head__count" title={countText}>
        <span aria-hidden="true">{limit === null ? count : `${count} / ${limit}`}</span>
        <span className="visually-hidden">{countText}</span>
      </span>
      {over && (
        <span className="col-head__over" aria-hidden="true">
          Over limit
        </span>
      )}
      {canEdit && (
        <IconButton className="col-head__menu" size="sm" label={`Column settings: ${column.name}`} icon={<Icon name="more" size={14} />} onClick={() => setSettings(true)} />
      )}
      {settings && (
        <Suspense fallback={null}>
          <ColumnSettingsDialog column={column} count={count} index={index} total={total} onClose={() => setSettings(false)} />
        </Suspense>
      )}
    </div>
  )
})
