/** @module A check-in as the minutes and the changes list show it: on which KR, the value, confidence, who, and the note. */
import type { CheckIn } from '../../../shared/model/index.ts'
import { formatNumber } from '../../format/numbers.ts'

export interface CheckInLineProps {
  readonly checkIn: CheckIn
  /** The KR's title, or null where the context names it. */
  readonly krTitle: string | null
  readonly author: string | null
  /** Starts with a "Check-in" label (not needed under a "Check-ins" heading). */
  readonly labelled?: boolean
}

export function CheckInLine({ checkIn, krTitle, author, labelled = true }: CheckInLineProps) {
  return (
    <>
      {labelled && <span className="minutes-item__label">Check-in </span>}
      {krTitle !== null && <strong>{krTitle} </strong>}
      {formatNumber(checkIn.value)}, confidence {checkIn.confidence}/10
      {author !== null && <span className="minutes-item__meta"> · {author}</span>}
      {checkIn.note !== '' && <q className="minutes-item__quote">{checkIn.note}</q>}
    </>
  )
}
