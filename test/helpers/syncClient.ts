/** @module A real client: the stock y-websocket WebsocketProvider over the `ws` package. */
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { openSession, snapshot } from '../../shared/doc/index.ts'
import type { Session } from '../../shared/doc/index.ts'
import type { WorkspaceSnapshot } from '../../shared/model/index.ts'
import { waitFor } from './waitFor.ts'

export interface SyncClient {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  readonly s: Session
  /** Close codes the server sent this client, in order. */
  readonly closes: number[]
  snap(): WorkspaceSnapshot
  synced(): Promise<void>
  destroy(): void
}

/** Connects to `httpUrl`'s sync endpoint for `workspaceId` with `token`. */
export function connectClient(httpUrl: string, workspaceId: string, token: string): SyncClient {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${httpUrl.replace(/^http/, 'ws')}/sync`, workspaceId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  })
  const closes: number[] = []
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code)
  })
  return {
    doc,
    provider,
    s: openSession(doc),
    closes,
    snap: () => snapshot(doc),
    synced: () => waitFor(() => provider.synced, `client of ${workspaceId} to sync`),
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}
