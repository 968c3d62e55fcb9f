/** @module The cycle picker and what it opens: start, publish, close and reopen a cycle; the close confirmation (the review meeting's last item). */
export { CloseCycleDialog } from './CloseCycleDialog.tsx'
export { CyclePicker } from './CyclePicker.tsx'
