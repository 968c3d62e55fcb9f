/** @module A check-in as the minutes and the changes list show it: on which KR, the value, confidence, who, and the note. */
import type { CheckIn } from '../../../shared/model/index.ts'
import { formatNumber } from '../../format/numbers.ts'

export function CheckInLine({ checkIn, krTitle, author }: { checkIn: CheckIn; krTitle: string | null; author: string | null }) {
  return (
    <>
      <span className="minutes-item__label">Check-in</span>
      {krTitle !== null && <strong> {krTitle}</strong>} {formatNumber(checkIn.value)}, confidence {checkIn.confidence}/10
      {author !== null && <span className="minutes-item__meta"> · {author}</span>}
      {checkIn.note !== '' && <q className="minutes-item__quote">{checkIn.note}</q>}
    </>
  )
}
