/**
 * @module What the client scenario measures inside the page, installed before the app's scripts
 * (Playwright's `addInitScript`, so it runs again on every navigation and reload). All times are
 * `performance.now()` (milliseconds since the navigation started) or event timestamps on that clock.
 *
 * - First card: a card (`[data-task-id]`) inside the viewport is seen (a MutationObserver, which
 *   runs at the end of the task that rendered it, and a 50 ms poll); "interactive" is when the next
 *   task runs after that one (a MessageChannel message), i.e. when input could be handled.
 * - Long tasks: every `longtask` entry (PerformanceObserver, buffered).
 * - Frames: `requestAnimationFrame` timestamps between `startFrames()` and `stopFrames()`, and the
 *   last `pointerup` timestamp (the drop).
 * - Keys: for each keydown while `startKeys()` is on, the time from the event to the first task
 *   after the next frame (the frame that shows the key has been painted by then).
 */

export interface PageProbe {
  firstCardSeen: number | null
  firstCardInteractive: number | null
  readonly longTasks: Array<{ start: number; duration: number }>
  frames: number[] | null
  pointerUp: number | null
  keys: number[] | null
  startFrames(): void
  stopFrames(): number[]
  startKeys(): void
  stopKeys(): number[]
}

declare global {
  interface Window {
    __benchProbe?: PageProbe
  }
}

/** The init script: serialised by Playwright, so it may use nothing from outside its body. */
export function installPageProbe(identity: { key: string; value: string }): void {
  // Skip "Who are you?": the identity is known, the document and its offline copy are not.
  localStorage.setItem(identity.key, identity.value)
  const afterThisTask = (then: () => void) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      then()
    }
    channel.port2.postMessage(null)
  }
  const probe: PageProbe = {
    firstCardSeen: null,
    firstCardInteractive: null,
    longTasks: [],
    frames: null,
    pointerUp: null,
    keys: null,
    startFrames() {
      const frames: number[] = []
      probe.frames = frames
      const tick = (t: number) => {
        if (probe.frames !== frames) return
        frames.push(t)
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    },
    stopFrames() {
      const frames = probe.frames ?? []
      probe.frames = null
      return frames
    },
    startKeys() {
      probe.keys = []
    },
    stopKeys() {
      const keys = probe.keys ?? []
      probe.keys = null
      return keys
    },
  }
  window.__benchProbe = probe
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })

  const look = () => {
    if (probe.firstCardSeen !== null) return
    const card = document.querySelector('[data-task-id]')
    if (card === null) return
    const box = card.getBoundingClientRect()
    if (box.width === 0 || box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth) return
    probe.firstCardSeen = performance.now()
    observer.disconnect()
    clearInterval(poll)
    afterThisTask(() => (probe.firstCardInteractive = performance.now()))
  }
  const observer = new MutationObserver(look)
  observer.observe(document, { childList: true, subtree: true })
  const poll = setInterval(look, 50)

  addEventListener('pointerup', (e) => (probe.pointerUp = e.timeStamp), true)
  addEventListener(
    'keydown',
    (e) => {
      const keys = probe.keys
      if (keys === null) return
      const pressed = e.timeStamp
      requestAnimationFrame(() => afterThisTask(() => keys.push(performance.now() - pressed)))
    },
    true,
  )
}
