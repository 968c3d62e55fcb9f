/**
 * @module A workspace as it was at a checkpoint: the live workspace's identity and clock over a
 * document of its own, read from the checkpoint's state, with editing off and nobody present (who
 * is on a card now is not who was then). The real
 * board and OKR tree render it exactly as a viewer's link shows them: no drag, no fields, no adds.
 */
import { useMemo } from 'react'
import { openSession, snapshot } from '../../../shared/doc/index.ts'
import { storedDoc } from '../../../shared/doc/storedDoc.ts'
import type { WorkspaceSnapshot } from '../../../shared/model/index.ts'
import type { Workspace } from '../../sync/openWorkspace.ts'
import type { Peer, Presence } from '../../sync/presence.ts'

const NOBODY: readonly Peer[] = []
const ignore = () => {}
/** Presence in the past: nobody there, and nothing I do there is shown to anyone. */
const PAST_PRESENCE: Presence = { peers: () => NOBODY, subscribe: () => ignore, setUser: ignore, setActivity: ignore, setMeeting: ignore, destroy: ignore }

export interface PastWorkspace {
  /** What the past views read through WorkspaceContext. */
  readonly workspace: Workspace
  /** The workspace then, as a model snapshot (what "changed since" compares with now). */
  readonly snapshot: WorkspaceSnapshot
}

/** The past workspace of `state`, built once per state. Nothing syncs or writes its document. */
export function usePastWorkspace(live: Workspace, state: Uint8Array): PastWorkspace {
  return useMemo(() => {
    const doc = storedDoc(state)
    const workspace: Workspace = {
      ...live,
      canEdit: false,
      // A session with nobody acting: no command can reach it (nothing is editable), and none would sync.
      session: openSession(doc, { actor: null, now: live.clock.now }),
      connection: { ...live.connection, doc },
      presence: PAST_PRESENCE,
    }
    return { workspace, snapshot: snapshot(doc) }
  }, [live, state])
}
