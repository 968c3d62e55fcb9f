/** @module The header of the cycle's "Unlinked" lane: cards with no key result (or whose KR was deleted). */
import { memo } from 'react'

export const UnlinkedHeader = memo(function UnlinkedHeader({ count }: { count: number }) {
  return (
    <div className="lane-head lane-head--unlinked">
      <div className="lane-head__top">
        <span className="lane-head__title lane-head__title--static">Unlinked</span>
        <span className="lane-head__count">{count}</span>
      </div>
      <p className="lane-head__hint">Tasks not under a key result. Drag one onto a lane to link it.</p>
    </div>
  )
})
