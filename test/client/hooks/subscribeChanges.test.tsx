// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { useSnapshot } from '../../../client/hooks/useSnapshot.ts'
import { createCycle, createObjective, openSession, updateObjective } from '../../../shared/doc/index.ts'
import type { ObjectiveId } from '../../../shared/model/index.ts'
import { renderWithWorkspace } from '../helpers/fakeWorkspace.tsx'

describe('subscribeChanges, through useSnapshot', () => {
  it("renders my change at once, and a peer's changes in a later task, once for all that came together", async () => {
    let renders = 0
    let objectiveId = '' as ObjectiveId
    function Title() {
      renders++
      return <p>{useSnapshot((snap) => snap.objectives.get(objectiveId)?.title ?? '')}</p>
    }
    const { session, doc } = renderWithWorkspace(<Title />, {
      seed: (s) => {
        const cycleId = createCycle(s, { name: 'Q1', startDate: '2026-01-01', endDate: '2026-03-31' })
        objectiveId = createObjective(s, { cycleId, title: 'First' })
      },
    })
    act(() => updateObjective(session, objectiveId, { title: 'Mine' }))
    expect(screen.getByText('Mine')).toBeTruthy()

    // A peer edits three times; its updates arrive one after the other, as pieces of a sync do.
    const peerDoc = new Y.Doc()
    Y.applyUpdate(peerDoc, Y.encodeStateAsUpdate(doc))
    const peer = openSession(peerDoc)
    const before = renders
    for (const title of ['Theirs 1', 'Theirs 2', 'Theirs 3']) {
      const known = Y.encodeStateVector(doc)
      updateObjective(peer, objectiveId, { title })
      act(() => Y.applyUpdate(doc, Y.encodeStateAsUpdate(peerDoc, known)))
    }
    expect(screen.getByText('Mine')).toBeTruthy()
    expect(renders).toBe(before)
    await waitFor(() => expect(screen.getByText('Theirs 3')).toBeTruthy())
    expect(renders).toBe(before + 1)
  })
})
