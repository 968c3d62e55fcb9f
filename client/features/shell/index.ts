/** @module The workspace's frame: the top bar, the read-only banner, undo shortcuts and the view tabs' ids. */
export { ReadOnlyBanner } from './ReadOnlyBanner.tsx'
export { TopBar } from './TopBar.tsx'
export { useUndoShortcuts } from './useUndoShortcuts.ts'
export { PANEL_ID, hasTab, tabId } from './ViewTabs.tsx'
