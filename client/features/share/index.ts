/** @module The Share button and its dialog: a workspace's links, copied or rotated by its owner. */
export { ShareButton } from './ShareButton.tsx'
