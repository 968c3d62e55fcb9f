/**
 * @module The meeting commands, a door of their own: the browser loads them with the meeting room
 * (or when someone starts a meeting), not with the board. The same names are in index.ts for the
 * server and tests.
 */
export {
  claimFacilitator,
  endMeeting,
  goToAgendaItem,
  handFacilitator,
  nextAgendaItem,
  pauseTimer,
  previousAgendaItem,
  recordAttendees,
  resumeTimer,
  startMeeting,
} from './commands/meetings.ts'
export type { StartMeetingInput } from './commands/meetings.ts'
export { MAX_TIMEBOX_MS, MIN_TIMEBOX_MS, addAgendaItem, moveAgendaItem, recordAction, setTimebox, skipAgendaItem } from './commands/agenda.ts'
export type { AddAgendaItemInput, RecordActionInput } from './commands/agenda.ts'
