/**
 * @module A development probe, not part of the suite: what the owner-only cycle check costs the
 * server per update, in process. The throughput scenario's updates (card moves by four writers, one
 * of them the client that published and closed the cycle, so its clocks are watched) go through
 * the room's path twice, on two copies of one document: validation and apply as before, and with a
 * CycleGuard attached (the watch in validation, the listener after each transaction). Blocks of
 * each alternate; CPU time per update is the median over blocks.
 *
 *   node --import tsx bench/probes/cycleGuardProbe.ts [updates] [rounds]
 */
import * as Y from 'yjs'
import { closeCycle, createCycle, initWorkspace, openSession, publishCycle } from '../../shared/doc/index.ts'
import type { CycleId } from '../../shared/model/index.ts'
import { validateUpdate } from '../../shared/protocol/validateUpdate.ts'
import { CycleGuard } from '../../server/rooms/CycleGuard.ts'
import { DEFAULT_LIMITS } from '../../server/limits.ts'
import { cardId, createCards, moveCard, prng } from '../load/board.ts'

const [updateCount = 20_000, rounds = 7] = process.argv.slice(2).map(Number)
const LIMITS = { maxDepth: DEFAULT_LIMITS.updateDepth, maxDeleteRanges: DEFAULT_LIMITS.updateDeleteRanges }
const CARDS = 40
const BLOCK = 1_000

// The workspace: default content, a cycle published and closed by the owner, the throughput cards.
const owner = new Y.Doc()
const s = openSession(owner)
initWorkspace(s, { name: 'Probe' })
const cycleId = createCycle(s, { name: 'Q1', startDate: '2026-01-01', endDate: '2026-03-31' }) as CycleId
publishCycle(s, cycleId)
closeCycle(s, cycleId)
const random = prng(3)
createCards(owner, CARDS, random, 'T')
const base = Y.encodeStateAsUpdate(owner)

// Four writers (the owner among them) move cards; every update in the order the server gets it.
const writers = [owner, ...Array.from({ length: 3 }, () => new Y.Doc())]
for (const w of writers.slice(1)) Y.applyUpdate(w, base)
// What a y-websocket client sends: each transaction's own update (its deletes only).
const updates: Uint8Array[] = []
for (const w of writers) w.on('update', (update: Uint8Array, origin: unknown) => origin !== 'peer' && updates.push(update))
for (let i = 0; i < updateCount; i++) {
  const writer = writers[i % writers.length]!
  moveCard(writer, cardId('T', Math.floor(random() * CARDS)), random, 1_767_225_600_000 + i)
  const update = updates[updates.length - 1]!
  for (const other of writers) if (other !== writer) Y.applyUpdate(other, update, 'peer')
}

function cpuMicros(): number {
  const { user, system } = process.cpuUsage()
  return user + system
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[sorted.length >> 1]!
}

/** Per round: a fresh pair of documents, then blocks of updates through each path in turn. */
const oldPath: number[] = []
const newPath: number[] = []
const validateOnly: { old: number[]; new: number[] } = { old: [], new: [] }
let looked = 0
for (let round = 0; round < rounds; round++) {
  const plain = new Y.Doc()
  const guarded = new Y.Doc()
  Y.applyUpdate(plain, base)
  Y.applyUpdate(guarded, base)
  const guard = new CycleGuard(guarded)
  for (let start = 0; start < updates.length; start += BLOCK) {
    const block = updates.slice(start, start + BLOCK)
    const order = (start / BLOCK) % 2 === 0 ? ['old', 'new'] : ['new', 'old']
    for (const which of order) {
      const t0 = cpuMicros()
      if (which === 'old') {
        for (const u of block) {
          if (validateUpdate(u, LIMITS).ok) Y.applyUpdate(plain, u, 'client')
        }
        if (round > 0) oldPath.push((cpuMicros() - t0) / block.length)
      } else {
        for (const u of block) {
          const check = validateUpdate(u, LIMITS, guard)
          if (!check.ok) continue
          if (check.touchesWatched && guard.ownerOnlyChange(u) !== null) continue
          if (check.touchesWatched) looked++
          Y.applyUpdate(guarded, u, 'client')
        }
        if (round > 0) newPath.push((cpuMicros() - t0) / block.length)
      }
    }
  }
  // Validation alone, over every update, alternating.
  for (let pass = 0; pass < 2; pass++) {
    for (const which of pass === 0 ? ['old', 'new'] : ['new', 'old']) {
      const t0 = cpuMicros()
      for (const u of updates) validateUpdate(u, LIMITS, which === 'new' ? guard : undefined)
      if (round > 0) validateOnly[which as 'old' | 'new'].push((cpuMicros() - t0) / updates.length)
    }
  }
  if (JSON.stringify(plain.getMap('tasks').toJSON()) !== JSON.stringify(guarded.getMap('tasks').toJSON())) {
    throw new Error('the two documents differ')
  }
  guard.destroy()
}

const fmt = (n: number) => n.toFixed(3)
console.log(`${updates.length} card moves by ${writers.length} writers, ${rounds - 1} measured rounds (first is warm-up); watched ranges: ${new CycleGuard(owner).watchedRanges}`)
console.log(`updates that got the close look: ${looked} (over all rounds)`)
console.log(`validate + apply, µs CPU per update (median of ${oldPath.length} blocks): before ${fmt(median(oldPath))}, with the guard ${fmt(median(newPath))}, difference ${fmt(median(newPath) - median(oldPath))}`)
console.log(`validate alone, µs CPU per update (median of ${validateOnly.old.length} passes): before ${fmt(median(validateOnly.old))}, with the watch ${fmt(median(validateOnly.new))}`)
