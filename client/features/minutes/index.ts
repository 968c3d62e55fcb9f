/** @module What others use of the minutes feature: the board's "Since last meeting" banner; the list of changes and its lines (the meeting panel's "Since last meeting" item, the history view); a REST read as a state. */
export { SinceLastMeetingBanner } from './SinceLastMeetingBanner.tsx'
export { ChangesList } from './ChangesList.tsx'
export { CheckInLine } from './CheckInLine.tsx'
export { KeyResultDeltaLine } from './KeyResultDeltaLine.tsx'
export { useRemote } from './useRemote.ts'
export type { Remote } from './useRemote.ts'
