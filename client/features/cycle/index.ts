/** @module The cycle picker and what it opens: start, publish, close and reopen a cycle. */
export { CyclePicker } from './CyclePicker.tsx'
