import { describe, expect, it } from 'vitest'
import type { StallWarning } from '../../../shared/rules/index.ts'
import { STALL_EVENT_GAP_MS, StallTracker, stalledKeyResults } from '../../../server/webhooks/StallTracker.ts'

const warning = (keyResultId: string | undefined, ruleId = 'S3'): StallWarning =>
  ({ ruleId, severity: 'warning', target: { kind: 'keyResult', id: keyResultId ?? 't1' }, keyResultId, reason: 'confidence is 2/10' }) as unknown as StallWarning
const T = Date.UTC(2026, 10, 2, 9)

describe('stall events', () => {
  it('group warnings by the KR they name (a warning without a KR is no KR stall)', () => {
    const map = stalledKeyResults([warning('kr1', 'S1'), warning('kr1', 'S3'), warning('kr2'), warning(undefined, 'S9')])
    expect([...map.keys()]).toEqual(['kr1', 'kr2'])
    expect(map.get('kr1')?.map((w) => w.ruleId)).toEqual(['S1', 'S3'])
  })

  it('send nothing on the first look (the baseline), then what appeared and cleared', () => {
    const tracker = new StallTracker()
    expect(tracker.changes('w', undefined, stalledKeyResults([warning('kr1')]), T)).toEqual([])
    const changes = tracker.changes('w', ['kr1'], stalledKeyResults([warning('kr2')]), T)
    expect(changes.map((c) => [c.kind, c.keyResultId])).toEqual([['stall-appeared', 'kr2'], ['stall-cleared', 'kr1']])
    expect(changes[0]?.warnings).toHaveLength(1)
  })

  it('never send more than one event per KR per kind per hour', () => {
    const tracker = new StallTracker()
    const stalled = stalledKeyResults([warning('kr1')])
    const none = new Map<string, StallWarning[]>()
    expect(tracker.changes('w', [], stalled, T).map((c) => c.kind)).toEqual(['stall-appeared'])
    expect(tracker.changes('w', ['kr1'], none, T + 60_000).map((c) => c.kind)).toEqual(['stall-cleared'])
    // Flapping within the hour: held back.
    expect(tracker.changes('w', [], stalled, T + 120_000)).toEqual([])
    expect(tracker.changes('w', ['kr1'], none, T + 180_000)).toEqual([])
    // Another workspace's KR of the same id is its own.
    expect(tracker.changes('other', [], stalled, T + 180_000).map((c) => c.kind)).toEqual(['stall-appeared'])
    // An hour after the last one of its kind, sent again.
    expect(tracker.changes('w', [], stalled, T + STALL_EVENT_GAP_MS - 1)).toEqual([])
    expect(tracker.changes('w', [], stalled, T + STALL_EVENT_GAP_MS).map((c) => c.kind)).toEqual(['stall-appeared'])
  })
})
