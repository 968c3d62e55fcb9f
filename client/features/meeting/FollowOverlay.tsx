/**
 * @module Following is always visible: a frame in the facilitator's colour around the page and a
 * bar "Following Maya · Stop"; once I stop (or navigate on my own), a "Back to Maya" pill
 * follows again and jumps to the current item. A live region says which item is now on.
 */
import { useEffect, useRef, useState } from 'react'
import type { CSSProperties } from 'react'
import type { Meeting } from '../../../shared/model/index.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { avatarColors } from '../../ui/Avatar.tsx'
import { FOLLOWING_ATTRIBUTE } from '../../ui/autoFocusAllowed.ts'
import { Icon } from '../../ui/Icon.tsx'
import { setParticipation } from './participation.ts'

export interface FollowOverlayProps {
  readonly meeting: Meeting
  readonly following: boolean
  readonly name: string
  readonly color: string | null
}

export function FollowOverlay({ meeting, following, name, color }: FollowOverlayProps) {
  const { workspaceId } = useWorkspace()
  const item = meeting.agenda.find((i) => i.id === meeting.currentItemId) ?? null
  const [announcement, setAnnouncement] = useState('')
  const lastItem = useRef(item?.id ?? null)
  useEffect(() => {
    if (lastItem.current === (item?.id ?? null)) return
    lastItem.current = item?.id ?? null
    if (following && item !== null) setAnnouncement(`${name} moved to: ${item.title}`)
  }, [item, following, name])
  const frameStyle = (color === null ? {} : { ['--follow' as string]: color }) as CSSProperties
  useEffect(() => {
    if (!following) return
    document.documentElement.setAttribute(FOLLOWING_ATTRIBUTE, '')
    return () => document.documentElement.removeAttribute(FOLLOWING_ATTRIBUTE)
  }, [following])
  const style = (color === null ? {} : { ['--follow' as string]: color, ...(following ? avatarColors(color) : {}) }) as CSSProperties
  const setFollowing = (on: boolean) => setParticipation(workspaceId, { meetingId: meeting.id, following: on })
  return (
    <>
      <div className="visually-hidden" aria-live="polite" role="status">
        {announcement}
      </div>
      {following && <div className="follow-frame" style={frameStyle} aria-hidden="true" />}
      <div className={`follow-bar${following ? ' follow-bar--on' : ''}`} style={style}>
        {following ? (
          <>
            <Icon name="user" size={14} />
            <span className="follow-bar__text">
              Following <strong>{name}</strong>
            </span>
            <button type="button" className="follow-bar__button" onClick={() => setFollowing(false)} aria-label="Stop following">
              Stop
            </button>
          </>
        ) : (
          <button type="button" className="follow-bar__back" onClick={() => setFollowing(true)}>
            <Icon name="undo" size={14} />
            Back to {name}
          </button>
        )}
      </div>
    </>
  )
}
