/** @module The check-in form: a new value for a key result, a confidence and a note. */
export { CheckInForm } from './CheckInForm.tsx'
