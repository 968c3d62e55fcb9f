/** @module Who is here right now, me first; each avatar's tooltip says what they are editing or dragging. */
import { useCallback } from 'react'
import type { WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { usePeers } from '../../hooks/usePeers.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { AvatarStack } from '../../ui/Avatar.tsx'
import type { AvatarProps } from '../../ui/Avatar.tsx'
import { describeActivity } from './describeActivity.ts'

function sameAvatars(a: readonly AvatarProps[], b: readonly AvatarProps[]): boolean {
  return a.length === b.length && a.every((p, i) => p.name === b[i]!.name && p.color === b[i]!.color && p.detail === b[i]!.detail && p.self === b[i]!.self)
}

export function PresenceAvatars() {
  const peers = usePeers()
  const select = useCallback(
    (snap: WorkspaceSnapshot): AvatarProps[] =>
      peers.map((peer) => {
        const doing = describeActivity(peer.activity, snap)
        const detail = [peer.self ? 'you' : null, doing].filter(Boolean).join(', ')
        return { name: peer.user.name, color: peer.user.color, self: peer.self, ...(detail ? { detail } : {}) }
      }),
    [peers],
  )
  const people = useSnapshot(select, sameAvatars)
  if (people.length === 0) return null
  return <AvatarStack people={people} label={`${people.length} ${people.length === 1 ? 'person' : 'people'} here`} max={5} />
}
