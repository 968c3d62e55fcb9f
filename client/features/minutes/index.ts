/** @module What others use of the minutes feature: the board's "Since last meeting" banner. */
export { SinceLastMeetingBanner } from './SinceLastMeetingBanner.tsx'
