/**
 * @module The view switcher: a tablist (Board, OKRs, Stall radar) with arrow-key movement. The
 * radar tab carries the count of warnings that need attention; its name stays "Stall radar" and
 * the count is its description, so the tab is found by the same name whatever the count.
 */
import { useRef } from 'react'
import type { KeyboardEvent } from 'react'
import { useView } from '../../hooks/useView.ts'
import type { ViewName } from '../../hooks/useView.ts'
import { Icon } from '../../ui/Icon.tsx'
import type { IconName } from '../../ui/Icon.tsx'
import { useStallCount } from './useStallCount.ts'

export const VIEW_TABS: ReadonlyArray<{ view: ViewName; label: string; icon: IconName }> = [
  { view: 'board', label: 'Board', icon: 'board' },
  { view: 'tree', label: 'OKRs', icon: 'tree' },
  { view: 'radar', label: 'Stall radar', icon: 'radar' },
]

const countText = (n: number) => `${n} stall ${n === 1 ? 'warning needs' : 'warnings need'} attention`

export const tabId = (view: ViewName) => `view-tab-${view}`
export const PANEL_ID = 'view-panel'

export function ViewTabs() {
  const { view, setView } = useView()
  const stalls = useStallCount()
  const list = useRef<HTMLDivElement>(null)

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
        const count = tab.view === 'radar' ? stalls : 0
        return (
          <button
            key={tab.view}
            id={tabId(tab.view)}
            type="button"
            role="tab"
            aria-label={tab.label}
            aria-selected={selected}
            aria-controls={PANEL_ID}
            aria-describedby={count > 0 ? `${tabId(tab.view)}-count` : undefined}
            tabIndex={selected ? 0 : -1}
            className="view-tab"
            onClick={() => setView(tab.view)}
          >
            <Icon name={tab.icon} />
            {tab.label}
            {count > 0 && (
              <>
                <span className="view-tab__count" aria-hidden="true" title={countText(count)}>
                  {count}
                </span>
                <span className="visually-hidden" id={`${tabId(tab.view)}-count`}>
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
