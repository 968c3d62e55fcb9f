/** @module Wire constants shared by the sync server and the client. */
export { CLOSE_REASON, CloseCode } from './closeCodes.ts'
export { MessageType, SyncStep } from './messageType.ts'
export { Role, canWrite } from './role.ts'
