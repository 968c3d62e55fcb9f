// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { KeyResultId, ObjectiveId, PersonId, TaskId } from '../../../shared/model/index.ts'
import { runTarget } from '../../../client/features/palette/runTarget.ts'
import type { PaletteActions } from '../../../client/features/palette/runTarget.ts'

const spies = () =>
  ({
    setView: vi.fn(),
    openKeyResult: vi.fn(),
    focus: vi.fn(),
    openPerson: vi.fn(),
    toggleTheme: vi.fn(),
    showShortcuts: vi.fn(),
    askTaskTitle: vi.fn(),
  }) satisfies PaletteActions

afterEach(() => document.body.replaceChildren())

describe('running a palette entry', () => {
  it('jumps to a key result the way the radar does: its lane on the board, its panel open', () => {
    const a = spies()
    runTarget({ kind: 'keyResult', id: 'kr-1' as KeyResultId }, a)
    expect(a.focus).toHaveBeenCalledWith({ keyResultId: 'kr-1' })
    expect(a.openKeyResult).toHaveBeenCalledWith('kr-1')
  })

  it('jumps to a card, opens a person\'s page, switches views, toggles the theme, shows the shortcuts', () => {
    const a = spies()
    runTarget({ kind: 'task', id: 't-1' as TaskId }, a)
    expect(a.focus).toHaveBeenCalledWith({ taskId: 't-1' })
    runTarget({ kind: 'person', id: 'p-1' as PersonId }, a)
    expect(a.openPerson).toHaveBeenCalledWith('p-1')
    runTarget({ kind: 'view', view: 'radar' }, a)
    expect(a.setView).toHaveBeenLastCalledWith('radar')
    runTarget({ kind: 'theme' }, a)
    expect(a.toggleTheme).toHaveBeenCalledOnce()
    runTarget({ kind: 'shortcuts' }, a)
    expect(a.showShortcuts).toHaveBeenCalledOnce()
    runTarget({ kind: 'newTask', keyResultId: 'kr-2' as KeyResultId }, a)
    expect(a.askTaskTitle).toHaveBeenCalledWith('kr-2')
  })

  it('shows an objective in the OKR tree and focuses its card once the (lazy) tree has rendered it', async () => {
    const a = spies()
    runTarget({ kind: 'objective', id: 'o-"1"' as ObjectiveId }, a)
    expect(a.setView).toHaveBeenCalledWith('tree')
    const card = document.createElement('article')
    card.tabIndex = -1
    card.dataset.objectiveId = 'o-"1"'
    card.scrollIntoView = vi.fn()
    document.body.append(card)
    await vi.waitFor(() => expect(document.activeElement).toBe(card))
  })

  it('check in opens the key result and focuses the check-in form, also when its panel was open already', () => {
    const a = spies()
    document.body.innerHTML = '<form class="checkin"><input aria-label="New value"></form>'
    runTarget({ kind: 'checkIn', keyResultId: 'kr-1' as KeyResultId }, a)
    expect(a.openKeyResult).toHaveBeenCalledWith('kr-1')
    expect(document.activeElement?.getAttribute('aria-label')).toBe('New value')
  })
})
