// @vitest-environment jsdom
import { act, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useSnapshot } from '../../../client/hooks/useSnapshot.ts'
import { usePeers } from '../../../client/hooks/usePeers.ts'
import { createCycle, createObjective, createTeam, renameTeam, updateObjective } from '../../../shared/doc/index.ts'
import type { ObjectiveId, TeamId } from '../../../shared/model/index.ts'
import { renderWithWorkspace } from '../helpers/fakeWorkspace.tsx'

describe('useSnapshot', () => {
  it('re-renders a component only when its own slice changes', () => {
    let renders = 0
    let objectiveId = '' as ObjectiveId
    let teamId = '' as TeamId
    function Title() {
      renders++
      const title = useSnapshot((snap) => snap.objectives.get(objectiveId)?.title ?? '')
      return <p>{title}</p>
    }
    const { session } = renderWithWorkspace(<Title />, {
      seed: (s) => {
        const cycleId = createCycle(s, { name: 'Q1', startDate: '2026-01-01', endDate: '2026-03-31' })
        objectiveId = createObjective(s, { cycleId, title: 'First' })
        teamId = createTeam(s, { name: 'Growth' })
      },
    })
    expect(screen.getByText('First')).toBeTruthy()
    const before = renders
    act(() => renameTeam(session, teamId, 'Growth team'))
    expect(renders).toBe(before)
    act(() => updateObjective(session, objectiveId, { title: 'Second' }))
    expect(screen.getByText('Second')).toBeTruthy()
    expect(renders).toBe(before + 1)
  })

  it('keeps a derived list stable with an equality function', () => {
    const seen: unknown[] = []
    function Count() {
      const names = useSnapshot(
        (snap) => [...snap.teams.values()].map((t) => t.name),
        (a, b) => a.length === b.length && a.every((x, i) => x === b[i]),
      )
      seen.push(names)
      return <p>{names.join(',')}</p>
    }
    const { session } = renderWithWorkspace(<Count />, { seed: (s) => void createTeam(s, { name: 'A' }) })
    act(() => void createCycle(session, { name: 'Q2', startDate: '2026-04-01', endDate: '2026-06-30' }))
    expect(new Set(seen).size).toBe(1)
    act(() => void createTeam(session, { name: 'B' }))
    expect(screen.getByText('A,B')).toBeTruthy()
  })
})

describe('usePeers', () => {
  it('lists me first and then the others, with what they do', () => {
    function Peers() {
      const peers = usePeers()
      return (
        <ul>
          {peers.map((p) => (
            <li key={p.clientId}>{`${p.user.name}${p.self ? ' (me)' : ''}${p.activity ? ` ${p.activity.kind}` : ''}`}</li>
          ))}
        </ul>
      )
    }
    const fake = renderWithWorkspace(<Peers />)
    act(() => void fake.addPeer({ name: 'Ada', color: '#e5484d' }, { kind: 'dragging', taskId: 't1' }))
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Test User (me)', 'Ada dragging'])
  })
})
