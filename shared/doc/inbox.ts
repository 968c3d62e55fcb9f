/**
 * @module What one person's inbox holds, read from a snapshot: comments that mention them, replies
 * to their comments, check-ins by others and stalls on key results they own, and open tasks
 * assigned to them. Each item has a stable id, the key of its read state (kept by the caller).
 */
import { ColumnKind, TargetKind } from '../model/index.ts'
import type { CheckInId, CommentId, CommentTarget, KeyResultId, Millis, PersonId, WorkspaceSnapshot } from '../model/index.ts'
import type { StallWarning } from '../rules/stallWarning.ts'

export const InboxKind = {
  Mention: 'mention',
  Reply: 'reply',
  CheckIn: 'check-in',
  Stall: 'stall',
  Assigned: 'assigned',
} as const
export type InboxKind = (typeof InboxKind)[keyof typeof InboxKind]

/** Events (comments, check-ins) older than this many days leave the inbox. */
export const INBOX_DAYS = 30

export interface InboxItem {
  /** Stable across snapshots and peers: the key of its read state. */
  readonly id: string
  readonly kind: InboxKind
  /** When it happened; null for a state that holds now (a stall). */
  readonly at: Millis | null
  /** Who did it (the commenter, the one who checked in); null for a stall or an assignment. */
  readonly actorId: PersonId | null
  /** What to open: the comment's target, the key result, the task. */
  readonly target: CommentTarget
  /** The comment to show highlighted, for mentions and replies. */
  readonly commentId: CommentId | null
  readonly checkInId: CheckInId | null
  /** The key result it concerns, when there is one (a task's own KR for tasks). */
  readonly keyResultId: KeyResultId | null
  /** For a stall: its rule and plain reason. */
  readonly stall: { readonly ruleId: string; readonly reason: string } | null
}

const DAY = 86_400_000

/**
 * `me`'s inbox, stalls first then newest first. `stalls` are the current warnings (the caller
 * scopes them to a cycle); events before `now - INBOX_DAYS` are left out.
 */
export function inboxItems(snap: WorkspaceSnapshot, me: PersonId, stalls: readonly StallWarning[], now: Millis): InboxItem[] {
  const since = now - INBOX_DAYS * DAY
  const items: InboxItem[] = []
  const base = { actorId: null, commentId: null, checkInId: null, keyResultId: null, stall: null }
  for (const c of snap.comments.values()) {
    if (c.at < since || c.deletedAt !== null || c.authorId === me) continue
    const mention = c.mentions.includes(me)
    const parent = c.parentId === null ? undefined : snap.comments.get(c.parentId)
    const reply = parent !== undefined && parent.authorId === me
    if (!mention && !reply) continue
    const keyResultId = c.target.kind === TargetKind.KeyResult ? (c.target.id as KeyResultId) : null
    items.push({ ...base, id: `comment:${c.id}`, kind: mention ? InboxKind.Mention : InboxKind.Reply, at: c.at, actorId: c.authorId, target: c.target, commentId: c.id, keyResultId })
  }
  for (const ci of snap.checkIns.values()) {
    if (ci.at < since || ci.authorId === me || snap.keyResults.get(ci.keyResultId)?.ownerId !== me) continue
    items.push({ ...base, id: `check-in:${ci.id}`, kind: InboxKind.CheckIn, at: ci.at, actorId: ci.authorId, target: { kind: TargetKind.KeyResult, id: ci.keyResultId }, checkInId: ci.id, keyResultId: ci.keyResultId })
  }
  const latestCheckIn = latestCheckIns(snap)
  for (const w of stalls) {
    const keyResultId = w.keyResultId ?? (w.target.kind === TargetKind.KeyResult ? (w.target.id as KeyResultId) : undefined)
    if (keyResultId === undefined || snap.keyResults.get(keyResultId)?.ownerId !== me) continue
    // A check-in starts a new episode: a stall that comes back after one is unread again.
    const episode = latestCheckIn.get(keyResultId) ?? 'none'
    items.push({ ...base, id: `stall:${w.ruleId}:${w.target.kind}:${w.target.id}:${episode}`, kind: InboxKind.Stall, at: null, target: w.target.kind === 'task' ? { kind: TargetKind.Task, id: w.target.id } : { kind: TargetKind.KeyResult, id: keyResultId }, keyResultId, stall: { ruleId: w.ruleId, reason: w.reason } })
  }
  for (const t of snap.tasks.values()) {
    if (t.assigneeId !== me || snap.columns.get(t.placement.columnId)?.kind === ColumnKind.Done) continue
    // Keyed by assignee too: handed back to me after someone else had it, it is new again.
    items.push({ ...base, id: `assigned:${t.id}:${me}`, kind: InboxKind.Assigned, at: t.createdAt, target: { kind: TargetKind.Task, id: t.id }, keyResultId: t.placement.keyResultId })
  }
  return items.sort((a, b) => (b.at ?? Infinity) - (a.at ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** How many of `items` are not in `read`. */
export function unreadCount(items: readonly InboxItem[], read: ReadonlySet<string>): number {
  let n = 0
  for (const item of items) if (!read.has(item.id)) n++
  return n
}

function latestCheckIns(snap: WorkspaceSnapshot): Map<KeyResultId, CheckInId> {
  const latest = new Map<KeyResultId, { id: CheckInId; at: Millis }>()
  for (const ci of snap.checkIns.values()) {
    const prev = latest.get(ci.keyResultId)
    if (prev === undefined || ci.at > prev.at || (ci.at === prev.at && ci.id > prev.id)) latest.set(ci.keyResultId, { id: ci.id, at: ci.at })
  }
  return new Map([...latest].map(([kr, v]) => [kr, v.id]))
}
