/**
 * @module The side panel of one key result (useView().keyResultId; its address is /w/:id/kr/:krId):
 * "Copy link", facts and progress, the check-in form (focused on open, so the board's "Check in"
 * is two clicks), history against pace, stall reasons, scores, change log and comments.
 */
import { useMemo, useState } from 'react'
import { CycleStatus } from '../../../shared/model/index.ts'
import { useNow } from '../../hooks/useNow.ts'
import { useView } from '../../hooks/useView.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { IconButton } from '../../ui/Button.tsx'
import { CopyLinkButton } from '../../ui/CopyLinkButton.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { autoFocusAllowed } from '../../ui/autoFocusAllowed.ts'
import { ActivityList } from '../activity/index.ts'
import { CheckInForm } from '../checkin/index.ts'
import { Thread, useCommentCount } from '../comments/index.ts'
import { CoTypedField } from '../okr/index.ts'
import { StallIcon, useStallWarnings } from '../stall/index.ts'
import { shareLink } from '../../app/index.ts'
import { ChangeLog } from './ChangeLog.tsx'
import { CheckInChart } from './CheckInChart.tsx'
import { CheckInHistory } from './CheckInHistory.tsx'
import { KeyResultStalls } from './KeyResultStalls.tsx'
import { KeyResultSummary } from './KeyResultSummary.tsx'
import { PanelSection } from './PanelSection.tsx'
import { ScoreForm } from './ScoreForm.tsx'
import { useChanges, useCheckIns, useKeyResultDetails } from './useKeyResultDetails.ts'
import type { KeyResultDetails } from './useKeyResultDetails.ts'
import './krpanel.css'

export function KeyResultPanel() {
  const { keyResultId } = useView()
  const details = useKeyResultDetails(keyResultId)
  if (keyResultId === null || details === null) return null
  // Keyed by id: opening another KR starts a fresh form (and focuses it again).
  return <PanelBody key={keyResultId} details={details} />
}

function PanelBody({ details }: { details: KeyResultDetails }) {
  const { kr, objective, cycle, progress, score } = details
  const { openKeyResult, commentId } = useView()
  const { canEdit, workspaceId } = useWorkspace()
  const now = useNow()
  // Not when a meeting moved the screen here: that was someone else's click, or the meeting panel's.
  const [autoFocus] = useState(autoFocusAllowed)
  const checkIns = useCheckIns(kr.id)
  const changes = useChanges(kr.id)
  const comments = useCommentCount(kr.id)
  const published = cycle !== null && cycle.status === CycleStatus.Published
  const all = useStallWarnings(published ? cycle.id : null, now)
  const warnings = useMemo(() => (published ? all.filter((w) => w.keyResultId === kr.id) : []), [all, kr.id, published])
  return (
    <aside className="krp" aria-label={`Key result: ${kr.title}`}>
      <header className="krp__header">
        <div className="krp__titles">
          {objective && <span className="krp__objective">{objective.title}</span>}
          <h2 className="krp__title">
            {canEdit && cycle?.status !== CycleStatus.Closed ? (
              <CoTypedField field={{ record: 'keyResult', id: kr.id, key: 'title' }} label="Key result title" className="krp__title-input" />
            ) : (
              kr.title
            )}{' '}
            <StallIcon warnings={warnings.filter((w) => w.target.kind === 'keyResult')} />
          </h2>
        </div>
        <CopyLinkButton iconOnly size="md" label="Copy link to this key result" link={shareLink(workspaceId, { keyResultId: kr.id })} />
        <IconButton label="Close key result panel" icon={<Icon name="close" />} onClick={() => openKeyResult(null)} />
      </header>
      <div className="krp__scroll">
        <KeyResultSummary kr={kr} cycle={cycle} progress={progress} now={now} />
        {canEdit && (
          // In a closed cycle the form says why check-ins ended, instead of silently vanishing.
          <PanelSection title="Check in">
            <CheckInForm keyResultId={kr.id} autoFocus={autoFocus} />
          </PanelSection>
        )}
        <PanelSection title="History">
          {cycle && <CheckInChart kr={kr} cycle={cycle} checkIns={checkIns} now={now} />}
          <CheckInHistory kr={kr} checkIns={checkIns} now={now} />
        </PanelSection>
        {published && (
          <PanelSection title="Stalls" count={warnings.length}>
            <KeyResultStalls warnings={warnings} />
          </PanelSection>
        )}
        {cycle !== null && cycle.status !== CycleStatus.Draft && (
          <PanelSection title="Score">
            <ScoreForm keyResultId={kr.id} score={score} />
          </PanelSection>
        )}
        {cycle !== null && cycle.status !== CycleStatus.Draft && (
          <PanelSection title="Changes after publishing" count={changes.length + cycle.reopenings.length}>
            <ChangeLog changes={changes} reopenings={cycle.reopenings} now={now} />
          </PanelSection>
        )}
        <PanelSection title="Comments" count={comments}>
          <Thread target={{ kind: 'keyResult', id: kr.id }} highlight={commentId} label={kr.title} />
        </PanelSection>
        <PanelSection title="Activity">
          <ActivityList target={kr.id} label="Activity of this key result" empty="Nothing on record yet: check-ins, card moves and edits show here." />
        </PanelSection>
      </div>
    </aside>
  )
}
