/**
 * @module The meeting in the top bar. No meeting: "Start meeting" (owner and editor links) opens
 * the four kinds for the cycle in view. A meeting running: "Weekly check-in · Maya facilitating"
 * and Join (viewers too: they follow, they do not lead), or Leave once joined.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { MeetingKind, MeetingStatus, enumValues } from '../../../shared/model/index.ts'
import type { Meeting, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { useCommand } from '../../app/index.ts'
import { MEETING_KIND_HINT, MEETING_KIND_LABEL } from '../../format/meetingText.ts'
import { useCycle } from '../../hooks/useCycle.ts'
import { useMeeting } from '../../hooks/useMeeting.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Button } from '../../ui/Button.tsx'
import { prefetchMeetingRoom } from './MeetingLayer.tsx'
import { setParticipation, useParticipation } from './participation.ts'
import './meetingbar.css'

// The agenda builder (writing hints, team shares, stalls) comes with the meeting commands, on demand.
const loadMeetingCommands = () => import('../../../shared/doc/meetings.ts')

export function MeetingTopBar({ compact = false }: { compact?: boolean }) {
  const { meeting } = useMeeting()
  const running = meeting !== null && meeting.status === MeetingStatus.Running ? meeting : null
  return running !== null ? <RunningMeeting meeting={running} compact={compact} /> : <StartMeeting />
}

function RunningMeeting({ meeting, compact }: { meeting: Meeting; compact: boolean }) {
  const { workspaceId, identity } = useWorkspace()
  const mine = useParticipation(workspaceId, meeting.id)
  const selectName = useCallback((snap: WorkspaceSnapshot) => (meeting.facilitatorId === null ? null : (snap.people.get(meeting.facilitatorId)?.name ?? null)), [meeting.facilitatorId])
  const facilitator = useSnapshot(selectName)
  const me = meeting.facilitatorId !== null && meeting.facilitatorId === identity.personId
  const who = me ? 'you facilitate' : facilitator !== null ? `${facilitator} facilitating` : 'no facilitator'
  const kind = MEETING_KIND_LABEL[meeting.kind]
  return (
    <div className="meeting-bar" role="group" aria-label={`${kind} meeting`}>
      <span className="meeting-bar__dot" aria-hidden="true" />
      <span className="meeting-bar__text" title={`${kind} · ${who}`}>
        <strong>{kind}</strong>
        {!compact && <span className="meeting-bar__who"> · {who}</span>}
      </span>
      {mine === null ? (
        <Button size="sm" variant="primary" onMouseEnter={prefetchMeetingRoom} onFocus={prefetchMeetingRoom} onClick={() => setParticipation(workspaceId, { meetingId: meeting.id, following: !me })}>
          Join
        </Button>
      ) : (
        <Button size="sm" onClick={() => setParticipation(workspaceId, null)}>
          Leave
        </Button>
      )}
    </div>
  )
}

function StartMeeting() {
  const { canEdit, workspaceId, identity } = useWorkspace()
  const cycle = useCycle()
  const { run, error, clearError } = useCommand()
  const [open, setOpen] = useState(false)
  const id = useId()
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open])

  if (!canEdit || cycle === null) return null
  const start = async (kind: MeetingKind) => {
    let startMeeting: Awaited<ReturnType<typeof loadMeetingCommands>>['startMeeting']
    try {
      ;({ startMeeting } = await loadMeetingCommands())
    } catch {
      run(() => {
        throw new Error('offline')
      })
      return
    }
    let meetingId: string | null = null
    const ok = run((s) => {
      meetingId = startMeeting(s, { kind, cycleId: cycle.id })
    })
    if (ok && meetingId !== null) {
      setParticipation(workspaceId, { meetingId, following: false })
      setOpen(false)
    }
  }
  const prefetch = () => {
    prefetchMeetingRoom()
    loadMeetingCommands().catch(() => undefined)
  }
  return (
    <div
      className="meeting-start"
      ref={root}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return
        setOpen(false)
        button.current?.focus()
      }}
    >
      <button
        ref={button}
        type="button"
        className="btn btn--sm meeting-start__button"
        aria-expanded={open}
        aria-controls={id}
        onMouseEnter={prefetch}
        onFocus={prefetch}
        onClick={() => {
          prefetch()
          clearError()
          setOpen((was) => !was)
        }}
        disabled={identity.personId === null}
        title={identity.personId === null ? 'Say who you are first: a meeting needs a facilitator' : undefined}
      >
        Start meeting
      </button>
      <div
        id={id}
        className="meeting-start__menu"
        role="group"
        aria-label={`Meeting kind for ${cycle.name}`}
        hidden={!open}
      >
        <p className="meeting-start__title">Start a meeting on {cycle.name}</p>
        {enumValues(MeetingKind).map((kind) => (
          <button key={kind} type="button" className="meeting-start__kind" onClick={() => void start(kind)} aria-label={MEETING_KIND_LABEL[kind]} aria-describedby={`${id}-${kind}`}>
            <span className="meeting-start__name">{MEETING_KIND_LABEL[kind]}</span>
            <span className="meeting-start__hint" id={`${id}-${kind}`} aria-hidden="true">
              {MEETING_KIND_HINT[kind]}
            </span>
          </button>
        ))}
        {error !== null && (
          <p className="meeting-start__error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  )
}
