/** @module Wire constants shared by the sync server and the client. */
export { CheckpointReason } from './checkpoints.ts'
export type { CheckpointView } from './checkpoints.ts'
export { CLOSE_REASON, CloseCode } from './closeCodes.ts'
export { CONNECT_TIMEOUT_MS, HEARTBEAT_INTERVAL_MS, HEARTBEAT_MESSAGE, SILENCE_TIMEOUT_MS, isHeartbeat } from './heartbeat.ts'
export { MessageType, SyncStep } from './messageType.ts'
export { Role, canWrite } from './role.ts'
export { DeliveryStatus, WEBHOOK_EVENTS, WebhookEvent } from './webhooks.ts'
export type { DeliveryView, WebhookView } from './webhooks.ts'
