/**
 * @module Change notices for the hooks that read the document: my own changes at once (a typed key
 * shows in the next frame), a peer's in the next task, once for all that arrived meanwhile. So
 * integrating a large update (the first sync of a big board comes in pieces, one task each) and
 * rendering it are separate tasks, and pieces that arrive together render once.
 */
import { subscribe } from '../../shared/doc/index.ts'

type Doc = Parameters<typeof subscribe>[0]

interface Feed {
  readonly listeners: Set<() => void>
  stop(): void
}

const feeds = new WeakMap<Doc, Feed>()

/** Calls `listener` after the document changed (see the module); returns the unsubscribe function. */
export function subscribeChanges(doc: Doc, listener: () => void): () => void {
  let feed = feeds.get(doc)
  if (feed === undefined) {
    feed = openFeed(doc)
    feeds.set(doc, feed)
  }
  const own = feed
  own.listeners.add(listener)
  return () => {
    own.listeners.delete(listener)
    if (own.listeners.size > 0 || feeds.get(doc) !== own) return
    own.stop()
    feeds.delete(doc)
  }
}

function openFeed(doc: Doc): Feed {
  const listeners = new Set<() => void>()
  let timer: ReturnType<typeof setTimeout> | undefined
  const notify = () => {
    clearTimeout(timer)
    timer = undefined
    for (const listener of [...listeners]) listener()
  }
  const unsubscribe = subscribe(doc, (event) => {
    if (event.local) notify()
    else timer ??= setTimeout(notify, 0)
  })
  return {
    listeners,
    stop() {
      clearTimeout(timer)
      unsubscribe()
    },
  }
}
