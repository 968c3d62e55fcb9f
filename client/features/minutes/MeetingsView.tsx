/** @module The Meetings view: the list of past meetings, or one meeting's minutes when the address names it. */
import { useView } from '../../hooks/useView.ts'
import { MeetingList } from './MeetingList.tsx'
import { MinutesPage } from './MinutesPage.tsx'
import './minutes.css'

export function MeetingsView() {
  const { meetingId } = useView()
  // Keyed: another meeting's minutes start from "Loading", never show the previous ones.
  return meetingId === null ? <MeetingList /> : <MinutesPage key={meetingId} meetingId={meetingId} />
}
