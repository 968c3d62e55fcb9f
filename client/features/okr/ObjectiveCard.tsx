/**
 * @module One objective: its co-typed title and description, who owns it, where it came from,
 * how far it is against the cycle's pace, its score band, writing hints and key results.
 */
import { useState } from 'react'
import { ObjectiveStatus, Origin } from '../../../shared/model/index.ts'
import type { KeyResult, Objective } from '../../../shared/model/index.ts'
import { expectedProgress, objectiveProgress } from '../../../shared/rules/index.ts'
import { useChangeMark } from '../../hooks/useChangeMarks.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { Badge } from '../../ui/Badge.tsx'
import { Button, IconButton } from '../../ui/Button.tsx'
import { ChangedSince } from '../../ui/ChangedSince.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { ProgressBar } from '../../ui/ProgressBar.tsx'
import { CoTypedField } from './CoTypedField.tsx'
import { HintNote, hintsFor } from './HintNote.tsx'
import { KeyResultDialog } from './KeyResultDialog.tsx'
import { KeyResultRow } from './KeyResultRow.tsx'
import { LEVEL_LABEL, ORIGIN_LABEL, STATUS_LABEL } from '../../format/labels.ts'
import { pct } from '../../format/numbers.ts'
import { ObjectiveDialog } from './ObjectiveDialog.tsx'
import { useOkrTreeShared } from './OkrTreeContext.ts'
import { PersonChip } from '../identity/index.ts'
import { ScoreBadge } from './ScoreBadge.tsx'
import { ThreadCommentCount } from '../comments/index.ts'

const FIXED_TITLE = 'Objectives are fixed once the cycle is published'

/** `context`: shown only because something aligned below it matches the filters. */
export function ObjectiveCard({ objective: o, keyResults, context = false }: { objective: Objective; keyResults: readonly KeyResult[]; context?: boolean }) {
  const { cycle, now, hints, canEdit, fixed } = useOkrTreeShared()
  const [dialog, setDialog] = useState<'settings' | 'addKr' | null>(null)
  // `empty` too: removing the last KR leaves progress and score at 0, yet the card must say "no KRs yet".
  const result = useSnapshot((s) => objectiveProgress(s, o.id), (a, b) => a.progress === b.progress && a.score === b.score && a.empty === b.empty)
  const team = useSnapshot((s) => (o.teamId === null ? undefined : s.teams.get(o.teamId)))
  const expected = expectedProgress(cycle, now)
  const source = result.keyResults.some((k) => k.scoreSource === 'lead') ? 'lead' : result.keyResults.some((k) => k.scoreSource === 'self') ? 'self' : 'progress'
  const weightLeft = 100 - keyResults.reduce((sum, kr) => sum + kr.weight, 0)
  const editable = canEdit && !fixed
  const changed = useChangeMark(o.id)
  return (
    <article className={`okr-card okr-card--${o.level}${o.status === ObjectiveStatus.Dropped ? ' okr-card--dropped' : ''}${context ? ' okr-card--context' : ''}`} aria-label={o.title} data-objective-id={context ? undefined : o.id} tabIndex={-1}>
      <div className="okr-card__head">
        <span className={`level-chip level-chip--${o.level}`}>{LEVEL_LABEL[o.level]}</span>
        <div className="okr-card__title" title={canEdit && fixed ? FIXED_TITLE : undefined}>
          {canEdit ? (
            <CoTypedField field={{ record: 'objective', id: o.id, key: 'title' }} label="Objective title" disabled={!editable} className="okr-card__title-input" />
          ) : (
            <h3 className="okr-card__title-text">{o.title}</h3>
          )}
        </div>
        <div className="okr-card__stats">
          <span className="okr-card__bar">
            <ProgressBar value={result.progress} expected={expected} label={`Progress of ${o.title}`} />
          </span>
          <span className="okr-card__pct" title={`Expected by now: ${pct(expected)}`}>{pct(result.progress)}</span>
          <ScoreBadge score={result.empty ? null : result.score} source={source} />
        </div>
        {canEdit && <IconButton label={`Objective settings: ${o.title}`} icon={<Icon name="more" />} size="sm" onClick={() => setDialog('settings')} />}
      </div>
      {(editable || o.description !== '') && (
        <div className="okr-card__desc">
          {editable ? (
            <CoTypedField field={{ record: 'objective', id: o.id, key: 'description' }} label="Objective description" placeholder="Add a description: why this matters now" multiline />
          ) : (
            <p>{o.description}</p>
          )}
        </div>
      )}
      <div className="okr-card__meta">
        <PersonChip personId={o.ownerId} />
        {team && <span className="okr-card__team">{team.name}</span>}
        <Badge tone={o.origin === Origin.BottomUp ? 'accent' : 'neutral'} title="Where the objective came from">{ORIGIN_LABEL[o.origin]}</Badge>
        {o.status !== ObjectiveStatus.Active && <Badge tone={o.status === ObjectiveStatus.Achieved ? 'ok' : 'neutral'}>{STATUS_LABEL[o.status]}</Badge>}
        <ThreadCommentCount thread={{ kind: 'objective', id: o.id }} label={o.title} />
      </div>
      <ChangedSince mark={context ? null : changed} />
      <HintNote hints={hintsFor(hints, 'objective', o.id)} />
      {keyResults.length > 0 && (
        <ul className="kr-list" aria-label={`Key results of ${o.title}`}>
          {keyResults.map((kr) => <KeyResultRow key={kr.id} keyResult={kr} />)}
        </ul>
      )}
      {canEdit && (
        <Button variant="ghost" size="sm" className="okr-card__add" onClick={() => setDialog('addKr')} aria-label={`Add key result to ${o.title}`}>
          <Icon name="plus" size={13} /> Add key result
        </Button>
      )}
      {dialog === 'settings' && <ObjectiveDialog cycle={cycle} objective={o} onClose={() => setDialog(null)} />}
      {dialog === 'addKr' && <KeyResultDialog objectiveId={o.id} keyResult={null} weightLeft={weightLeft} defaultOwner={o.ownerId} onClose={() => setDialog(null)} />}
    </article>
  )
}
