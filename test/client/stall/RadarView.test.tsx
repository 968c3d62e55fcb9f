// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createCycle, createKeyResult, createObjective, publishCycle } from '../../../shared/doc/index.ts'
import { useView } from '../../../client/hooks/useView.ts'
import { KeyResultPanel } from '../../../client/features/krpanel/KeyResultPanel.tsx'
import { RadarView } from '../../../client/features/stall/RadarView.tsx'
import { StallIcon } from '../../../client/features/stall/StallIcon.tsx'
import { renderWithWorkspace } from '../helpers/fakeWorkspace.tsx'
import { iso, stalledCycle } from '../okr/seed.ts'

afterEach(cleanup)

/** Shows where the view went, so a test can see what the radar's buttons asked for. */
function ViewProbe() {
  const { view, focusTaskId, keyResultId } = useView()
  return <output aria-label="view">{`${view}|${focusTaskId ?? '-'}|${keyResultId ?? '-'}`}</output>
}

function renderRadar() {
  const now = Date.now()
  const clock = { t: now }
  return renderWithWorkspace(
    <>
      <RadarView />
      <KeyResultPanel />
      <ViewProbe />
    </>,
    { now: () => clock.t, seed: (s) => stalledCycle(s, clock, now), view: { view: 'radar' } },
  )
}

const rowsOf = (region: HTMLElement) => within(region).getAllByRole('listitem')

describe('stall radar', () => {
  it('lists every warning most severe first, grouped by severity, with counts on top', () => {
    renderRadar()
    const radar = screen.getByRole('region', { name: 'Stall radar' })
    expect(within(radar).getByRole('button', { name: '2 Critical' })).toBeTruthy()
    expect(within(radar).getByRole('button', { name: '2 Warnings' })).toBeTruthy()
    expect(within(radar).getByRole('button', { name: '1 Info' })).toBeTruthy()
    const rows = rowsOf(radar)
    expect(rows.map((r: HTMLElement) => r.querySelector('.radar-row__severity')?.textContent)).toEqual(['Critical', 'Critical', 'Warning', 'Warning', 'Info'])
    const critical = screen.getByRole('region', { name: 'Critical 2' })
    expect(within(critical).getByText('no check-in for 20 days')).toBeTruthy()
    expect(within(critical).getAllByText(/done at \d+% of/)).toHaveLength(1)
    const warnings = screen.getByRole('region', { name: 'Warnings 2' })
    expect(within(warnings).getByText('confidence 2 of 10 in the latest check-in')).toBeTruthy()
    expect(within(warnings).getByText('confidence dropped from 6 to 2')).toBeTruthy()
    const info = screen.getByRole('region', { name: 'Info 1' })
    expect(within(info).getByText(/in Doing for 6 days/)).toBeTruthy()
    // Each row names its objective and owner.
    expect(within(rows[0] as HTMLElement).getByText('Turn trials into teams')).toBeTruthy()
    expect(within(rows[0] as HTMLElement).getByRole('img', { name: 'Ana Kowalski, owner' })).toBeTruthy()
  })

  it('filters to one severity from its count', () => {
    renderRadar()
    fireEvent.click(screen.getByRole('button', { name: '2 Critical' }))
    expect(screen.getByRole('button', { name: '2 Critical' }).getAttribute('aria-pressed')).toBe('true')
    expect(screen.queryByRole('region', { name: 'Warnings 2' })).toBeNull()
    expect(rowsOf(screen.getByRole('region', { name: 'Stall radar' }))).toHaveLength(2)
  })

  it('jumps to a key result (focus + open its panel) and to a card on the board', () => {
    renderRadar()
    fireEvent.click(screen.getAllByRole('button', { name: 'Open key result: Raise conversion' })[0] as HTMLElement)
    expect(screen.getByRole('complementary', { name: 'Key result: Raise conversion' })).toBeTruthy()
    expect(screen.getByRole('status', { name: 'view' }).textContent).toBe('board|-|kr-silent')
    fireEvent.click(screen.getByRole('button', { name: 'Show card on the board: Template gallery' }))
    expect(screen.getByRole('status', { name: 'view' }).textContent).toBe('board|task-stuck|kr-silent')
  })

  it('says the board is healthy when nothing has stalled', () => {
    const now = Date.now()
    renderWithWorkspace(<RadarView />, {
      seed: (s) => {
        createCycle(s, { id: 'cy', name: 'Q', startDate: iso(now), endDate: iso(now + 80 * 86_400_000) })
        createObjective(s, { id: 'o', cycleId: 'cy', title: 'Fresh start' })
        createKeyResult(s, { id: 'kr', objectiveId: 'o', title: 'Something', start: 0, target: 10, weight: 100 })
        publishCycle(s, 'cy' as never)
      },
    })
    expect(screen.getByRole('status').textContent).toMatch(/The board is healthy/)
    expect(screen.getByRole('button', { name: '0 Critical' })).toBeTruthy()
  })
})

describe('stall icon', () => {
  it('shows the worst severity with every reason in its accessible name', () => {
    renderWithWorkspace(
      <StallIcon
        warnings={[
          { ruleId: 'S3', severity: 'warning', target: { kind: 'keyResult', id: 'k' as never }, reason: 'confidence 2 of 10 in the latest check-in' },
          { ruleId: 'S1', severity: 'critical', target: { kind: 'keyResult', id: 'k' as never }, reason: 'no check-in for 15 days' },
        ]}
      />,
    )
    expect(screen.getByRole('button', { name: 'Critical: confidence 2 of 10 in the latest check-in; no check-in for 15 days' })).toBeTruthy()
  })

  it('renders nothing without warnings', () => {
    const { container } = renderWithWorkspace(<StallIcon warnings={[]} />)
    expect(container.innerHTML).toBe('')
  })
})
