/** @module The live meeting, as the shell needs it: the top bar's start menu or running meeting, and the layer that shows the meeting room once joined. */
export { MeetingLayer } from './MeetingLayer.tsx'
export { MeetingTopBar } from './MeetingTopBar.tsx'
