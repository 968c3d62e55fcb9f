/** @module The relay's Prometheus series (REDIS_URL): their names and help texts live here and nowhere else. */
import type { Metrics } from '../metrics.ts'
import { RelayKind } from '../rooms/Relay.ts'

export const RelayMetricName = {
  Up: 'roundtable_relay_up',
  Published: 'roundtable_relay_published_total',
  Received: 'roundtable_relay_received_total',
  Resyncs: 'roundtable_relay_resyncs_total',
} as const

const KIND_LABEL: Readonly<Record<RelayKind, string>> = {
  [RelayKind.Update]: 'update',
  [RelayKind.Awareness]: 'awareness',
  [RelayKind.SyncRequest]: 'sync-request',
  [RelayKind.SyncReply]: 'sync-reply',
}

export class RelayMetrics {
  readonly #metrics: Metrics | undefined

  constructor(metrics: Metrics | undefined) {
    this.#metrics = metrics
    this.up(false)
  }

  /** Both Redis connections are ready (1) or not (0): an alert on 0 means instances do not see each other. */
  up(ready: boolean): void {
    this.#metrics?.set(RelayMetricName.Up, 'Whether this instance is connected to Redis for the relay between instances', ready ? 1 : 0)
  }

  published(kind: RelayKind): void {
    this.#metrics?.inc(RelayMetricName.Published, 'Messages this instance published to the other instances, by kind', { kind: KIND_LABEL[kind] })
  }

  received(kind: RelayKind): void {
    this.#metrics?.inc(RelayMetricName.Received, 'Messages of other instances this instance applied, by kind', { kind: KIND_LABEL[kind] })
  }

  /** Every room's catch-up after (re)connecting to Redis, counted once per reconnection. */
  resynced(): void {
    this.#metrics?.inc(RelayMetricName.Resyncs, 'Times this instance (re)subscribed its rooms and asked its peers what it missed')
  }
}
