/** @module The inbox of the person I said I am: the top bar's button (the list loads when opened). */
export { InboxButton } from './InboxButton.tsx'
