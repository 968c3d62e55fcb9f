/** @module A seeded random generator for tests (mulberry32): same seed, same run. */

export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [0, n). */
  int(n: number): number
  pick<T>(items: readonly T[]): T
  bool(p?: number): boolean
  /** A short id-safe string. */
  word(length?: number): string
}

export function seededRandom(seed: number): Random {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number): number => Math.floor(next() * n)
  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[int(items.length)] as (typeof items)[number]
    },
    bool: (p = 0.5) => next() < p,
    word: (length = 6) => {
      const abc = 'abcdefghijklmnopqrstuvwxyz'
      let out = ''
      for (let i = 0; i < length; i++) out += abc[int(abc.length)]
      return out
    },
  }
}

/** Ids from a seeded generator, prefixed so replicas never collide. */
export function seededIds(random: Random, prefix: string): () => string {
  let n = 0
  return () => `${prefix}${(n++).toString(36)}${random.word(4)}`
}
