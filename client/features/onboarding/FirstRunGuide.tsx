/**
 * @module The empty state of a cycle with no objectives: the three steps of a cycle, and for
 * editors and owners a start from one of the OKR templates (one applyTemplate, one undo step).
 * Viewers get the explanation only: they cannot write.
 */
import { useState } from 'react'
import { OKR_TEMPLATES, applyTemplate } from '../../../shared/doc/index.ts'
import type { TemplateId } from '../../../shared/doc/index.ts'
import { CycleStatus } from '../../../shared/model/index.ts'
import type { Cycle } from '../../../shared/model/index.ts'
import { useCommand } from '../../app/index.ts'
import { useView } from '../../hooks/useView.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Button } from '../../ui/Button.tsx'
import './onboarding.css'

export interface FirstRunGuideProps {
  readonly cycle: Cycle
}

export function FirstRunGuide({ cycle }: FirstRunGuideProps) {
  const { canEdit } = useWorkspace()
  const { view, setView } = useView()
  const { error, run } = useCommand()
  const [busy, setBusy] = useState(false)
  const draft = cycle.status === CycleStatus.Draft
  const start = (templateId: TemplateId) => {
    setBusy(true)
    run((s) => applyTemplate(s, { cycleId: cycle.id, templateId }))
    setBusy(false)
  }
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">Get {cycle.name} going in three steps</h2>
      <ol className="first-run__steps">
        <li>
          <strong>Draft the OKRs together.</strong> 3 to 5 objectives, each with 2 to 5 measurable key results whose
          weights add up to 100%. The writing hints check as you type.
        </li>
        <li>
          <strong>Agree and publish.</strong> The owner publishes the cycle; objectives are fixed from then on, key
          results change only with a logged reason.
        </li>
        <li>
          <strong>Work the board.</strong> Put tasks under key results, move them across columns and check in every
          week, so stalled key results show up at once.
        </li>
      </ol>
      {canEdit && draft ? (
        <div className="first-run__templates" role="group" aria-label="Start from a template">
          <p className="first-run__lead">Start from a template and adapt it, or add your own objectives.</p>
          <div className="first-run__choices">
            {OKR_TEMPLATES.map((t) => (
              <Button key={t.id} className="first-run__choice" disabled={busy} onClick={() => start(t.id)}>
                <span className="first-run__name">{t.name}</span>
                <span className="first-run__summary">{t.summary}</span>
              </Button>
            ))}
          </div>
          {view !== 'tree' && (
            <p className="first-run__aside">
              Or{' '}
              <button type="button" className="first-run__link" onClick={() => setView('tree')}>
                draft your own in the OKRs tab
              </button>
              .
            </p>
          )}
          {error !== null && (
            <p role="alert" className="first-run__error">
              {error}
            </p>
          )}
        </div>
      ) : (
        <p className="first-run__aside">
          {canEdit
            ? `${cycle.name} is ${cycle.status}: objectives can only be added while a cycle is a draft.`
            : 'You can follow along here; editors and owners draft the objectives.'}
        </p>
      )}
    </section>
  )
}
