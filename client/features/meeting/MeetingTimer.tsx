/**
 * @module The current item's countdown on the server's clock (mm:ss; amber in the last 30 s, red
 * and "+0:12 over" past zero), and the facilitator's pause, resume and "+1 min".
 */
import { MAX_TIMEBOX_MS, pauseTimer, resumeTimer, setTimebox } from '../../../shared/doc/meetings.ts'
import { readTimer } from '../../../shared/rules/index.ts'
import type { AgendaItem, Meeting } from '../../../shared/model/index.ts'
import type { CommandRunner } from '../../app/index.ts'
import { countdownLabel, countdownText } from '../../format/meetingText.ts'
import { useServerNow } from '../../hooks/useServerNow.ts'
import { Button } from '../../ui/Button.tsx'

export interface MeetingTimerProps {
  readonly meeting: Meeting
  readonly item: AgendaItem
  readonly facilitating: boolean
  readonly command: CommandRunner
  readonly compact?: boolean
}

export function MeetingTimer({ meeting, item, facilitating, command, compact = false }: MeetingTimerProps) {
  const timer = meeting.timer.itemId === item.id ? meeting.timer : { itemId: item.id, runningSince: null, elapsedMs: item.spentMs }
  const now = useServerNow(timer.runningSince !== null)
  const reading = readTimer(timer, item.timeboxMs, now)
  const text = countdownText(reading.remainingMs)
  const label = `${countdownLabel(reading.remainingMs)}${reading.running ? '' : ', paused'}`
  return (
    <div className={`meeting-timer meeting-timer--${reading.phase}${compact ? ' meeting-timer--compact' : ''}`}>
      <span className="meeting-timer__clock" role="timer" aria-label={label} data-remaining-ms={Math.round(reading.remainingMs)} data-phase={reading.phase}>
        {text}
      </span>
      {!reading.running && <span className="meeting-timer__paused">paused</span>}
      {facilitating && !compact && (
        <span className="meeting-timer__actions">
          {reading.running ? (
            <Button size="sm" onClick={() => command.run((s) => pauseTimer(s))}>
              Pause
            </Button>
          ) : (
            <Button size="sm" onClick={() => command.run((s) => resumeTimer(s))}>
              Resume
            </Button>
          )}
          <Button
            size="sm"
            title="Add one minute to this item's timebox"
            disabled={item.timeboxMs + 60_000 > MAX_TIMEBOX_MS}
            onClick={() => command.run((s) => setTimebox(s, item.id, item.timeboxMs + 60_000))}
          >
            +1 min
          </Button>
        </span>
      )}
    </div>
  )
}
