/**
 * @module Following the facilitator: while I follow, each change of the current agenda item takes
 * my screen to its view link (agendaPlace); any navigation of my own (another card, key result or
 * view, Back) stops following. Only this tab's screen moves: the item is in the document, who
 * follows whom is in awareness.
 */
import { useEffect, useRef } from 'react'
import type { Meeting } from '../../../shared/model/index.ts'
import { navigate, useHref } from '../../app/index.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { agendaPlace, isOwnNavigation } from './agendaPlace.ts'
import { setParticipation } from './participation.ts'

const here = () => location.pathname + location.search

/** Scrolls an objective card of the OKR tree into view once it is shown, and marks it a moment. */
function revealObjective(objectiveId: string): () => void {
  const selector = `[data-objective-id="${objectiveId.replace(/["\\]/g, '\\$&')}"]`
  let frames = 0
  let handle = 0
  const look = () => {
    const el = document.querySelector<HTMLElement>(selector)
    if (el !== null) {
      el.scrollIntoView({ block: 'center', behavior: 'instant' })
      el.classList.add('meeting-spotlight')
      setTimeout(() => el.classList.remove('meeting-spotlight'), 2_400)
      return
    }
    // The tree loads lazily: look again for up to about five seconds.
    if (frames++ < 300) handle = requestAnimationFrame(look)
  }
  look()
  return () => cancelAnimationFrame(handle)
}

/**
 * Moves my screen with the current item while `following`; `leading` (the facilitator) moves it
 * too, but nothing the leader does stops it.
 */
export function useFollow(meeting: Meeting, following: boolean, leading = false): void {
  const { workspaceId } = useWorkspace()
  const href = useHref()
  const expected = useRef<string | null>(null)
  const followingNow = useRef(following)
  followingNow.current = following
  const item = meeting.agenda.find((i) => i.id === meeting.currentItemId) ?? null
  const place = item === null ? null : agendaPlace(workspaceId, meeting, item)
  const target = place?.href ?? null
  const objectiveId = place?.objectiveId ?? null

  // Declared first: on the render where following starts, the target is set before the address is checked.
  useEffect(() => {
    if (!following && !leading) {
      expected.current = null
      return
    }
    if (target === null) {
      expected.current = here()
      return
    }
    expected.current = target
    if (here() !== target) navigate(target)
    return objectiveId === null ? undefined : revealObjective(objectiveId)
  }, [following, leading, target, objectiveId, item?.id])

  useEffect(() => {
    if (!followingNow.current || expected.current === null) return
    // The address as it is now: on the render where following starts, `href` is still the old one.
    if (isOwnNavigation(expected.current, here())) {
      expected.current = null
      setParticipation(workspaceId, { meetingId: meeting.id, following: false })
    }
    // Only an address change is a navigation: following and the target are read as they are now.
  }, [href, workspaceId, meeting.id])
}
