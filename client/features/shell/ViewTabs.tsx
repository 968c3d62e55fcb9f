/**
 * @module The view switcher: a tablist (Board, OKRs, Stall radar, Insights, Meetings) with arrow-key movement. The
 * radar tab carries the count of warnings that need attention (critical and warning, not info);
 * its name stays "Stall radar" and the count is its description, so the tab is found by the same
 * name whatever the count. The tooltip says what is counted, since the radar lists info rows too.
 */
import { useRef } from 'react'
import type { KeyboardEvent } from 'react'
import { useView } from '../../hooks/useView.ts'
import type { ViewName } from '../../hooks/useView.ts'
import { Icon } from '../../ui/Icon.tsx'
import type { IconName } from '../../ui/Icon.tsx'
import { useStallCount } from './useStallCount.ts'
import type { StallCount } from './useStallCount.ts'

export const VIEW_TABS: ReadonlyArray<{ view: ViewName; label: string; icon: IconName }> = [
  { view: 'board', label: 'Board', icon: 'board' },
  { view: 'tree', label: 'OKRs', icon: 'tree' },
  { view: 'radar', label: 'Stall radar', icon: 'radar' },
  { view: 'insights', label: 'Insights', icon: 'chart' },
  { view: 'meetings', label: 'Meetings', icon: 'clock' },
]

/** Whether `view` has a tab (the activity and a person's page have none). */
export const hasTab = (view: ViewName) => VIEW_TABS.some((t) => t.view === view)

const countText = (n: number) => `${n} stall ${n === 1 ? 'warning needs' : 'warnings need'} attention`

/** "15 stall warnings need attention (critical or warning); the radar also lists 5 for information." */
export function countTooltip({ attention, info }: StallCount): string {
  const more = info === 0 ? '' : `; the radar also lists ${info} for information`
  return `${countText(attention)} (critical or warning)${more}.`
}

export const tabId = (view: ViewName) => `view-tab-${view}`
export const PANEL_ID = 'view-panel'

export function ViewTabs() {
  const { view, setView } = useView()
  const stalls = useStallCount()
  const list = useRef<HTMLDivElement>(null)
  // A view without a tab leaves the first tab as the one Tab reaches.
  const reachable = hasTab(view) ? view : VIEW_TABS[0]!.view

  const onKeyDown = (event: KeyboardEvent) => {
    const index = VIEW_TABS.findIndex((t) => t.view === view)
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    const target = event.key === 'Home' ? 0 : event.key === 'End' ? VIEW_TABS.length - 1 : step === 0 ? -1 : (index + step + VIEW_TABS.length) % VIEW_TABS.length
    if (target < 0) return
    event.preventDefault()
    const next = VIEW_TABS[target]!.view
    setView(next)
    list.current?.querySelector<HTMLButtonElement>(`#${tabId(next)}`)?.focus()
  }

  return (
    <div className="view-tabs" role="tablist" aria-label="Views" ref={list} onKeyDown={onKeyDown}>
      {VIEW_TABS.map((tab) => {
        const selected = tab.view === view
        const count = tab.view === 'radar' ? stalls.attention : 0
        return (
          <button
            key={tab.view}
            id={tabId(tab.view)}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={PANEL_ID}
            aria-describedby={count > 0 ? `${tabId(tab.view)}-count` : undefined}
            tabIndex={tab.view === reachable ? 0 : -1}
            className="view-tab"
            title={count > 0 ? countTooltip(stalls) : undefined}
            onClick={() => setView(tab.view)}
          >
            <Icon name={tab.icon} />
            {tab.label}
            {count > 0 && (
              <>
                {/* The name comes from the text: the digits stay out of it (aria-hidden), the
                    sentence is the description (hidden, read through aria-describedby). */}
                <span className="view-tab__count" aria-hidden="true">
                  {count}
                </span>
                <span hidden id={`${tabId(tab.view)}-count`}>
                  {countText(count)}
                </span>
              </>
            )}
          </button>
        )
      })}
    </div>
  )
}
