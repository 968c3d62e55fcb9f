/** @module One call at a time per key, in this process: a chain of promises per key, forgotten once idle. */

/** Runs the calls for one key one after another (a failed call does not stop the next). */
export function serialBy<K>(): <T>(key: K, fn: () => Promise<T>) => Promise<T> {
  const tails = new Map<K, Promise<void>>()
  return (key, fn) => {
    const run = (tails.get(key) ?? Promise.resolve()).then(fn)
    const tail = run.then(
      () => {},
      () => {},
    )
    tails.set(key, tail)
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key)
    })
    return run
  }
}
