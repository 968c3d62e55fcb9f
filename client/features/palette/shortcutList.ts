/** @module Every keyboard shortcut of the workspace, as the shortcuts dialog lists them. */

export interface Shortcut {
  readonly keys: readonly string[]
  readonly what: string
}

export const SHORTCUT_GROUPS: ReadonlyArray<{ readonly title: string; readonly shortcuts: readonly Shortcut[] }> = [
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: ['Ctrl', 'K'], what: 'Find anything or run a command (⌘K on a Mac)' },
      { keys: ['?'], what: 'Show these shortcuts' },
      { keys: ['Ctrl', 'Z'], what: 'Undo my last change' },
      { keys: ['Shift', 'Ctrl', 'Z'], what: 'Redo (also Ctrl+Y)' },
      { keys: ['Esc'], what: 'Close a dialog or panel' },
    ],
  },
  {
    title: 'On a card',
    shortcuts: [
      { keys: ['Space'], what: 'Pick up the card, then Space again to drop it' },
      { keys: ['←', '↑', '→', '↓'], what: 'Move a picked-up card between cells' },
      { keys: ['Esc'], what: 'Put a picked-up card back' },
    ],
  },
  {
    title: 'In the palette',
    shortcuts: [
      { keys: ['↑', '↓'], what: 'Move between matches' },
      { keys: ['Enter'], what: 'Open or run the match' },
    ],
  },
]
