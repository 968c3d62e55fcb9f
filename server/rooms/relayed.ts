/** @module The transaction origin of a change another instance accepted and relayed here. */

class RelayedChange {}

/** Never published again, never logged by this instance, never a checkpoint of its own. */
export const RELAYED: object = new RelayedChange()
