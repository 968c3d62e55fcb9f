/** @module What choosing an entry does: a jump through the view's own actions, or a command. */
import { unreachable } from '../../../shared/model/index.ts'
import type { KeyResultId } from '../../../shared/model/index.ts'
import type { ViewActions } from '../../hooks/useView.ts'
import type { PaletteTarget } from './searchEntries.ts'
import { quoted, whenShown } from './whenShown.ts'

export interface PaletteActions extends Pick<ViewActions, 'setView' | 'openKeyResult' | 'focus' | 'openPerson'> {
  toggleTheme(): void
  showShortcuts(): void
  /** Asks for the new task's title (the palette stays open in its title mode). */
  askTaskTitle(keyResultId: KeyResultId): void
}

/** Runs what `target` means. Jumps use the same view actions as the radar's rows. */
export function runTarget(target: PaletteTarget, actions: PaletteActions): void {
  switch (target.kind) {
    case 'objective':
      actions.setView('tree')
      whenShown(`[data-objective-id=${quoted(target.id)}]`, (el) => {
        el.scrollIntoView({ block: 'center', behavior: 'instant' })
        el.focus({ preventScroll: true })
      })
      return
    case 'keyResult':
      // As the radar does: highlight the lane on the board and open the side panel.
      actions.focus({ keyResultId: target.id })
      actions.openKeyResult(target.id)
      return
    case 'task':
      actions.focus({ taskId: target.id })
      return
    case 'person':
      // Their page: what they own, their open cards, praise and activity (it links to the filtered board).
      actions.openPerson(target.id)
      return
    case 'newTask':
      actions.askTaskTitle(target.keyResultId)
      return
    case 'checkIn':
      actions.openKeyResult(target.keyResultId)
      // The panel focuses its form when it opens; when it was open already, focus it here.
      whenShown('.checkin input, .checkin select, .checkin textarea', (el) => el.focus())
      return
    case 'view':
      actions.setView(target.view)
      return
    case 'theme':
      actions.toggleTheme()
      return
    case 'shortcuts':
      actions.showShortcuts()
      return
    default:
      unreachable(target)
  }
}
