/** @module `CheckInDialog` under its own name; it lives beside the form it wraps. */
export { CheckInDialog } from './CheckInForm.tsx'
