/**
 * @module The command palette (Ctrl/Cmd+K): a modal <dialog> holding an ARIA 1.2 combobox whose
 * listbox shows what matches. Arrow keys move the active option, Enter runs it, Escape closes.
 * Choosing closes the dialog first (the browser gives focus back), then runs the entry, so a jump
 * that focuses a card or a form keeps its focus.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { ColumnKind } from '../../../shared/model/index.ts'
import type { KeyResultId, TaskId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { createTask, snapshot } from '../../../shared/doc/index.ts'
import { useCommand, useTheme } from '../../app/index.ts'
import { useView } from '../../hooks/useView.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { runTarget } from './runTarget.ts'
import type { PaletteActions } from './runTarget.ts'
import { filterEntries } from './searchEntries.ts'
import type { PaletteEntry } from './searchEntries.ts'
import { currentOverlay, releaseFocus, setPaletteMounted, showOverlay, takeTypedAhead } from './paletteStore.ts'
import { SearchIcon } from './SearchIcon.tsx'
import { usePaletteEntries } from './usePaletteEntries.ts'

const PAGE = 8

/** The column new tasks go to: the first to-do column, else the first column. */
function firstColumn(snap: WorkspaceSnapshot) {
  const columns = [...snap.columns.values()].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
  return columns.find((c) => c.kind === ColumnKind.Todo) ?? columns[0] ?? null
}

export function CommandPalette() {
  const dialog = useRef<HTMLDialogElement>(null)
  const view = useView()
  const { connection } = useWorkspace()
  const { theme, toggle } = useTheme()
  const command = useCommand()
  const [query, setQuery] = useState(takeTypedAhead)
  const [active, setActive] = useState(0)
  /** Set while the palette asks for a new task's title. */
  const [newTaskFor, setNewTaskFor] = useState<KeyResultId | null>(null)
  const [title, setTitle] = useState('')
  const { commands, records } = usePaletteEntries(theme)
  const results = useMemo(() => (query.trim() === '' ? commands : filterEntries([...commands, ...records], query)), [commands, records, query])
  const listId = useId()
  const optionId = (entry: PaletteEntry) => `${listId}-${entry.key}`
  const current = results[Math.min(active, results.length - 1)]

  useEffect(() => {
    const el = dialog.current
    if (el && !el.open) el.showModal?.()
    setPaletteMounted(true)
    // Keys typed between this render and the effect: keep them too.
    const late = takeTypedAhead()
    if (late !== '') setQuery((q) => q + late)
    return () => setPaletteMounted(false)
  }, [])
  useEffect(() => {
    if (current) document.getElementById(optionId(current))?.scrollIntoView?.({ block: 'nearest' })
  })

  const close = () => {
    // Closing the modal dialog gives focus back to where it was before the palette opened.
    dialog.current?.close()
    showOverlay('none')
    releaseFocus()
  }

  const actions: PaletteActions = {
    setView: view.setView,
    openKeyResult: view.openKeyResult,
    focus: view.focus,
    openPerson: view.openPerson,
    toggleTheme: toggle,
    showShortcuts: () => showOverlay('shortcuts'),
    askTaskTitle: (keyResultId) => setNewTaskFor(keyResultId),
  }

  const choose = (entry: PaletteEntry) => {
    // A new task asks for its title here; everything else closes the palette first.
    if (entry.target.kind !== 'newTask') close()
    runTarget(entry.target, actions)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = results.length - 1
    const move = (to: number) => {
      event.preventDefault()
      setActive(Math.max(0, Math.min(last, to)))
    }
    if (event.key === 'ArrowDown') move(active >= last ? 0 : active + 1)
    else if (event.key === 'ArrowUp') move(active <= 0 ? last : active - 1)
    else if (event.key === 'PageDown') move(active + PAGE)
    else if (event.key === 'PageUp') move(active - PAGE)
    else if (event.key === 'Home' && event.ctrlKey) move(0)
    else if (event.key === 'End' && event.ctrlKey) move(last)
    else if (event.key === 'Enter' && current) {
      event.preventDefault()
      choose(current)
    }
  }

  const createNewTask = () => {
    const name = title.trim()
    if (newTaskFor === null || name === '') return
    const column = firstColumn(snapshot(connection.doc))
    if (column === null) return
    let id: TaskId | null = null
    const ok = command.run((s) => {
      id = createTask(s, { title: name, columnId: column.id, keyResultId: newTaskFor })
    })
    if (!ok || id === null) return
    close()
    view.focus({ taskId: id, keyResultId: newTaskFor })
  }

  const krName = newTaskFor === null ? '' : (records.find((r) => r.target.kind === 'keyResult' && r.target.id === newTaskFor)?.title ?? 'the key result')
  return (
    <dialog ref={dialog} className="palette" aria-label={newTaskFor === null ? 'Search and commands' : `New task under ${krName}`} onClose={() => {
        if (currentOverlay() === 'palette') showOverlay('none')
        releaseFocus()
      }}>
      {newTaskFor === null ? (
        <>
          <div className="palette__field">
            <SearchIcon />
            <input
              className="palette__input"
              role="combobox"
              aria-expanded={results.length > 0}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={current ? optionId(current) : undefined}
              aria-label="Find an objective, key result, task or person, or run a command"
              placeholder="Find an objective, key result, task or person, or run a command…"
              autoComplete="off"
              spellCheck={false}
              value={query}
              onChange={(e) => {
                setQuery(e.target.value)
                setActive(0)
              }}
              onKeyDown={onKeyDown}
            />
          </div>
          <ul className="palette__list" id={listId} role="listbox" aria-label={query.trim() === '' ? 'Commands' : 'Matches'}>
            {results.map((entry) => (
              <li
                key={entry.key}
                id={optionId(entry)}
                role="option"
                aria-selected={entry === current}
                className="palette__option"
                onMouseMove={() => setActive(results.indexOf(entry))}
                onClick={() => choose(entry)}
              >
                <span className="palette__title">{entry.title}</span>
                {entry.detail && <span className="palette__detail">{entry.detail}</span>}
                <span className="palette__group">{entry.group}</span>
              </li>
            ))}
          </ul>
          {results.length === 0 && <p className="palette__empty">Nothing matches “{query.trim()}”.</p>}
          <p className="palette__status" role="status">
            {query.trim() === '' ? '' : `${results.length} ${results.length === 1 ? 'match' : 'matches'}`}
          </p>
          <p className="palette__hint" aria-hidden="true">
            <kbd>↑</kbd> <kbd>↓</kbd> to move · <kbd>Enter</kbd> to open · <kbd>Esc</kbd> to close
          </p>
        </>
      ) : (
        <>
          <form
            className="palette__field"
            onSubmit={(e) => {
              e.preventDefault()
              createNewTask()
            }}
          >
            <SearchIcon />
            <input
              className="palette__input"
              aria-label={`Title of the new task under ${krName}`}
              placeholder={`New task under ${krName}…`}
              autoFocus
              autoComplete="off"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          </form>
          <p className="palette__hint">
            New task in the first column under <strong>{krName}</strong> · <kbd>Enter</kbd> to add · <kbd>Esc</kbd> to cancel
          </p>
        </>
      )}
      {command.error && (
        <p className="palette__error" role="alert">
          {command.error}
        </p>
      )}
    </dialog>
  )
}
