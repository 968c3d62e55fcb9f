/**
 * @module A set of Yjs item ids: per client, sorted disjoint clock ranges. Asking about a client it
 * holds nothing of costs one Map lookup, so a room can ask it about every reference of every
 * update.
 */

export class ClockRanges {
  /** Per client: [start0, end0, start1, end1, ...], sorted, disjoint and not touching. */
  readonly #ranges = new Map<number, number[]>()

  /** Adds `client`'s clocks from `clock` to `clock + length - 1`. */
  add(client: number, clock: number, length: number): void {
    const end = clock + length
    const ranges = this.#ranges.get(client)
    if (ranges === undefined) {
      this.#ranges.set(client, [clock, end])
      return
    }
    // The first range that ends at or after `clock` and the first that starts after `end`:
    // everything between them touches [clock, end) and merges into one range.
    let first = 0
    while (first < ranges.length && ranges[first + 1]! < clock) first += 2
    let last = first
    while (last < ranges.length && ranges[last]! <= end) last += 2
    if (first === last) {
      ranges.splice(first, 0, clock, end)
      return
    }
    const start = Math.min(clock, ranges[first]!)
    const stop = Math.max(end, ranges[last - 1]!)
    ranges.splice(first, last - first, start, stop)
  }

  /** True when one of `client`'s clocks from `clock` to `clock + length - 1` is in the set. */
  overlaps(client: number, clock: number, length: number): boolean {
    const ranges = this.#ranges.get(client)
    if (ranges === undefined) return false
    // The last range starting before `clock + length`, by binary search over the starts.
    const end = clock + length
    let lo = 0
    let hi = ranges.length >> 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (ranges[mid * 2]! < end) lo = mid + 1
      else hi = mid
    }
    return lo > 0 && ranges[lo * 2 - 1]! > clock
  }

  /** How many ranges it holds, over all clients (for tests and logs). */
  get size(): number {
    let size = 0
    for (const ranges of this.#ranges.values()) size += ranges.length >> 1
    return size
  }
}
