/** @module The sync rooms' Prometheus series: their names and help texts live here and nowhere else. */
import type { Metrics } from '../metrics.ts'
import type { RefuseReason } from './refusal.ts'

export const RoomMetricName = {
  Connections: 'roundtable_connections',
  Rooms: 'roundtable_rooms',
  UpdatesIn: 'roundtable_updates_in_total',
  UpdatesOut: 'roundtable_updates_out_total',
  BytesIn: 'roundtable_bytes_in_total',
  BytesOut: 'roundtable_bytes_out_total',
  Refused: 'roundtable_refused_messages_total',
  Heartbeats: 'roundtable_heartbeats_total',
} as const

/** Counts into the app's Metrics registry and keeps the two gauges' current values. */
export class RoomMetrics {
  readonly #metrics: Metrics
  #connections = 0
  #rooms = 0

  constructor(metrics: Metrics) {
    this.#metrics = metrics
    // Publish the gauges at zero so /metrics shows them before the first connection.
    this.#setConnections(0)
    this.#setRooms(0)
  }

  get connections(): number {
    return this.#connections
  }

  get rooms(): number {
    return this.#rooms
  }

  connectionOpened(): void {
    this.#setConnections(this.#connections + 1)
  }

  connectionClosed(): void {
    this.#setConnections(this.#connections - 1)
  }

  roomOpened(): void {
    this.#setRooms(this.#rooms + 1)
  }

  roomClosed(): void {
    this.#setRooms(this.#rooms - 1)
  }

  /** A client's change applied to a document. */
  updateIn(): void {
    this.#metrics.inc(RoomMetricName.UpdatesIn, 'Document updates received from clients and applied')
  }

  /** `count` update messages handed to sockets. */
  updatesOut(count: number): void {
    if (count === 0) return
    this.#metrics.inc(RoomMetricName.UpdatesOut, 'Document update messages sent to clients', undefined, count)
  }

  bytesIn(bytes: number): void {
    this.#metrics.inc(RoomMetricName.BytesIn, 'Bytes received on sync sockets', undefined, bytes)
  }

  bytesOut(bytes: number): void {
    this.#metrics.inc(RoomMetricName.BytesOut, 'Bytes sent on sync sockets', undefined, bytes)
  }

  /** `count` heartbeats sent to idle connections by one sweep. */
  heartbeats(count: number): void {
    if (count === 0) return
    this.#metrics.inc(RoomMetricName.Heartbeats, 'Heartbeats sent to sync connections that were otherwise idle', undefined, count)
  }

  refused(reason: RefuseReason): void {
    this.#metrics.inc(RoomMetricName.Refused, 'Sync messages refused, by reason', { reason })
  }

  #setConnections(value: number): void {
    this.#connections = value
    this.#metrics.set(RoomMetricName.Connections, 'Open sync connections', value)
  }

  #setRooms(value: number): void {
    this.#rooms = value
    this.#metrics.set(RoomMetricName.Rooms, 'Workspace documents loaded in memory', value)
  }
}
