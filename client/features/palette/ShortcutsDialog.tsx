/** @module "?": the keyboard shortcuts, grouped, in a dialog. */
import { Dialog } from '../../ui/Dialog.tsx'
import { SHORTCUT_GROUPS } from './shortcutList.ts'

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" open onClose={onClose}>
      {SHORTCUT_GROUPS.map((group) => (
        <section key={group.title} className="shortcuts" aria-label={group.title}>
          <h3 className="shortcuts__title">{group.title}</h3>
          <dl className="shortcuts__list">
            {group.shortcuts.map((s) => (
              <div key={s.what} className="shortcuts__row">
                <dt>
                  {s.keys.map((k, i) => (
                    <kbd key={i}>{k}</kbd>
                  ))}
                </dt>
                <dd>{s.what}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Dialog>
  )
}
