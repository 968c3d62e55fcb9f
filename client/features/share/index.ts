/** @module The Share button and its dialog: a workspace's links, copied or rotated by its owner, and its exports. */
export { ShareButton } from './ShareButton.tsx'
