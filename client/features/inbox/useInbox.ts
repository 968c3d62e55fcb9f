/** @module My inbox (the person I said I am) and how much of it is unread, for the top bar. */
import { useCallback } from 'react'
import { inboxItems, unreadCount } from '../../../shared/doc/index.ts'
import type { InboxItem } from '../../../shared/doc/index.ts'
import type { WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { stallWarnings } from '../../../shared/rules/index.ts'
import { useCycle } from '../../hooks/useCycle.ts'
import { useNow } from '../../hooks/useNow.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { useReadIds } from './readState.ts'

const sameIds = (a: readonly InboxItem[], b: readonly InboxItem[]) => a.length === b.length && a.every((item, i) => item.id === b[i]!.id)
const NONE: readonly InboxItem[] = []

export interface Inbox {
  /** Null when I have no person (a viewer, or nobody chosen): no inbox then. */
  readonly personId: string | null
  readonly items: readonly InboxItem[]
  readonly read: ReadonlySet<string>
  readonly unread: number
}

export function useInbox(): Inbox {
  const { session, workspaceId } = useWorkspace()
  const me = session.actor
  const now = useNow()
  // Stalls of the cycle in view, as the radar counts them.
  const cycleId = useCycle()?.id ?? null
  const select = useCallback(
    (snap: WorkspaceSnapshot) => (me === null ? NONE : inboxItems(snap, me, stallWarnings(snap, now, cycleId === null ? {} : { cycleId }), now)),
    [me, now, cycleId],
  )
  const items = useSnapshot(select, sameIds)
  const read = useReadIds(workspaceId, me)
  return { personId: me, items, read, unread: unreadCount(items, read) }
}
