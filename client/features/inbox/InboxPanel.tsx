/**
 * @module The inbox list: newest first (stalls on top), unread ones marked; an item opens what it
 * is about (a comment highlighted in its thread, the key result, the card) and is read from then
 * on; "Mark read" and "Mark all read" do it without opening.
 */
import { useEffect, useRef } from 'react'
import { InboxKind, commentPlainText } from '../../../shared/doc/index.ts'
import type { InboxItem } from '../../../shared/doc/index.ts'
import type { KeyResultId, ObjectiveId, PersonId, TaskId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { timeAgo } from '../../format/dates.ts'
import { useNow } from '../../hooks/useNow.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { useView } from '../../hooks/useView.ts'
import type { ViewActions } from '../../hooks/useView.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Button } from '../../ui/Button.tsx'
import { Icon } from '../../ui/Icon.tsx'
import type { IconName } from '../../ui/Icon.tsx'
import { markRead } from './readState.ts'
import type { Inbox } from './useInbox.ts'
import './inboxPanel.css'

const ICON: Readonly<Record<InboxKind, IconName>> = {
  [InboxKind.Mention]: 'comment',
  [InboxKind.Reply]: 'reply',
  [InboxKind.CheckIn]: 'check',
  [InboxKind.Stall]: 'alert',
  [InboxKind.Assigned]: 'user',
}

export function InboxPanel({ inbox, onClose }: { inbox: Inbox; onClose: () => void }) {
  const { workspaceId } = useWorkspace()
  const view = useView()
  const snap = useSnapshot((s) => s)
  const now = useNow()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const me = inbox.personId!
  const mark = (ids: readonly string[]) => markRead(workspaceId, me, ids)
  const unreadIds = inbox.items.filter((i) => !inbox.read.has(i.id)).map((i) => i.id)
  return (
    <div className="inbox-panel" role="dialog" aria-labelledby="inbox-heading">
      <div className="inbox-panel__head">
        <h2 id="inbox-heading" ref={heading} tabIndex={-1} className="inbox-panel__title">
          Inbox{inbox.unread > 0 && <span className="inbox-panel__unread"> · {inbox.unread} unread</span>}
        </h2>
        <Button size="sm" variant="ghost" disabled={unreadIds.length === 0} onClick={() => mark(unreadIds)}>
          Mark all read
        </Button>
      </div>
      {inbox.items.length === 0 ? (
        <p className="inbox-panel__empty">Nothing for you yet: mentions, replies, check-ins and stalls on your key results, and tasks given to you show here.</p>
      ) : (
        <ul className="inbox-panel__list" aria-label="Inbox items">
          {inbox.items.map((item) => {
            const unread = !inbox.read.has(item.id)
            const text = describe(item, snap)
            return (
              <li key={item.id} className={`inbox-item${unread ? ' inbox-item--unread' : ''}`}>
                <button
                  type="button"
                  className="inbox-item__open"
                  onClick={() => {
                    mark([item.id])
                    open(item, view)
                    onClose()
                  }}
                >
                  <span className="inbox-item__icon" aria-hidden="true">
                    <Icon name={ICON[item.kind]} size={14} />
                  </span>
                  <span className="inbox-item__text">
                    <span className="inbox-item__what">
                      {unread && <span className="visually-hidden">Unread: </span>}
                      {text.what}
                    </span>
                    {text.detail !== '' && <span className="inbox-item__detail">{text.detail}</span>}
                    <span className="inbox-item__when">{item.at === null ? 'now' : timeAgo(item.at, now)}</span>
                  </span>
                </button>
                {unread && (
                  <button type="button" className="inbox-item__mark" onClick={() => mark([item.id])} aria-label={`Mark read: ${text.what}`} title="Mark read">
                    <span className="inbox-item__dot" aria-hidden="true" />
                  </button>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}

/** Opens what an item is about, a comment highlighted in its thread. */
function open(item: InboxItem, view: ViewActions): void {
  const { target, commentId } = item
  if (commentId !== null) {
    if (target.kind === 'keyResult') view.openKeyResult(target.id as KeyResultId, commentId)
    else view.openThread(target.kind === 'task' ? { kind: 'task', id: target.id as TaskId } : { kind: 'objective', id: target.id as ObjectiveId }, commentId)
  } else if (target.kind === 'task') {
    view.focus({ taskId: target.id as TaskId })
  } else if (item.keyResultId !== null) {
    view.openKeyResult(item.keyResultId)
  }
}

function describe(item: InboxItem, snap: WorkspaceSnapshot): { what: string; detail: string } {
  const person = (id: PersonId | null) => (id !== null && snap.people.get(id)?.name) || 'Someone'
  const title = titleOf(item, snap)
  switch (item.kind) {
    case InboxKind.Mention:
    case InboxKind.Reply: {
      const comment = item.commentId === null ? undefined : snap.comments.get(item.commentId)
      const body = comment === undefined ? '' : commentPlainText(comment.body, (id) => snap.people.get(id)?.name)
      const verb = item.kind === InboxKind.Mention ? 'mentioned you on' : 'replied to you on'
      return { what: `${person(item.actorId)} ${verb} ${title}`, detail: excerpt(body) }
    }
    case InboxKind.CheckIn: {
      const checkIn = item.checkInId === null ? undefined : snap.checkIns.get(item.checkInId)
      const kr = item.keyResultId === null ? undefined : snap.keyResults.get(item.keyResultId)
      const value = checkIn === undefined ? '' : `${checkIn.value}${kr?.unit ? ` ${kr.unit}` : ''}, confidence ${checkIn.confidence}/10`
      return { what: `${person(item.actorId)} checked in ${title}`, detail: [value, excerpt(checkIn?.note ?? '')].filter(Boolean).join(' · ') }
    }
    case InboxKind.Stall:
      return { what: `Stalled: ${title}`, detail: item.stall?.reason ?? '' }
    case InboxKind.Assigned:
      return { what: `Assigned to you: ${title}`, detail: '' }
  }
}

function titleOf(item: InboxItem, snap: WorkspaceSnapshot): string {
  const { kind, id } = item.target
  const title = kind === 'task' ? snap.tasks.get(id as TaskId)?.title : kind === 'keyResult' ? snap.keyResults.get(id as KeyResultId)?.title : snap.objectives.get(id as ObjectiveId)?.title
  return `“${title ?? 'something removed'}”`
}

function excerpt(text: string): string {
  // A one-line preview: Markdown-lite marks dropped, not rendered.
  const flat = text.replace(/\*\*|`+/g, '').replace(/\s+/g, ' ').trim()
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat
}
