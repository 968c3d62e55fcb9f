/** @module Webhooks in the workspace's settings (owners): the Share dialog's section that opens them. */
export { WebhooksSection } from './WebhooksSection.tsx'
