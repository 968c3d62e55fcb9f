/**
 * @module One checkpoint: a banner that says which moment this is and that it is read-only, with
 * the way back to now; what changed since (a summary, and the full list on demand); then the real
 * board or OKR tree over the checkpoint's state, each record that changed since marked.
 */
import { Suspense, useMemo, useState } from 'react'
import type { ComponentType } from 'react'
import type { KeyResultId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { changesBetween } from '../../../shared/rules/index.ts'
import { ViewLink, storedToken, viewHref } from '../../app/index.ts'
import { summaryText } from '../../format/changesText.ts'
import { meetingWhenText } from '../../format/meetingTimes.ts'
import { ChangeMarksContext } from '../../hooks/useChangeMarks.ts'
import { FixedNowContext, useNow } from '../../hooks/useNow.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { ViewContext, useView } from '../../hooks/useView.ts'
import type { ViewActions, ViewState } from '../../hooks/useView.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { WorkspaceContext } from '../../sync/WorkspaceContext.ts'
import { Button } from '../../ui/Button.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { ChangesList, useRemote } from '../minutes/index.ts'
import { changeMarks } from './changeMarks.ts'
import { fetchCheckpointState } from './checkpointApi.ts'
import { useCheckpoints } from './useCheckpoints.ts'
import type { Checkpoint } from './useCheckpoints.ts'
import { usePastWorkspace } from './usePastWorkspace.ts'

export function CheckpointPage({ checkpointId, views }: { checkpointId: string; views: PastViewComponents }) {
  const { workspaceId } = useWorkspace()
  const list = useCheckpoints()
  const state = useRemote(checkpointId, (signal) => fetchCheckpointState(workspaceId, storedToken(workspaceId) ?? '', checkpointId, signal))
  const checkpoint = list.status === 'ready' ? list.value.find((cp) => cp.id === checkpointId) : undefined
  const failed = list.status === 'failed' ? list.message : state.status === 'failed' ? state.message : list.status === 'ready' && checkpoint === undefined ? 'No such checkpoint (older than the retention?)' : null
  return (
    <section className="history-view history-view--past" aria-labelledby="history-title" aria-busy={checkpoint === undefined || state.status === 'loading'}>
      {failed !== null ? (
        <>
          <h1 id="history-title">History</h1>
          <p role="alert" className="history-view__problem">
            Could not load this checkpoint: {failed}
          </p>
          <AllCheckpoints />
        </>
      ) : checkpoint === undefined || state.status !== 'ready' ? (
        <p role="status">Loading the board as it was…</p>
      ) : (
        <PastViews checkpoint={checkpoint} state={state.value} views={views} />
      )}
    </section>
  )
}

function AllCheckpoints() {
  const { workspaceId } = useWorkspace()
  const view = useView()
  return (
    <ViewLink href={viewHref(workspaceId, { ...view, checkpointId: null })} className="history-view__link">
      All checkpoints
    </ViewLink>
  )
}

const same = (s: WorkspaceSnapshot) => s
type Shown = 'board' | 'okrs'

/**
 * The live views the history view renders over a past state, handed in by the app (ActiveView):
 * importing them here would split the board's modules into chunks shared with this view, and the
 * board's first load would grow by their seams.
 */
export type PastViewComponents = Readonly<Record<Shown, ComponentType>>

function PastViews({ checkpoint, state, views }: { checkpoint: Checkpoint; state: Uint8Array; views: PastViewComponents }) {
  const live = useWorkspace()
  const view = useView()
  const now = useNow()
  const past = usePastWorkspace(live, state)
  const current = useSnapshot(same)
  const [shown, setShown] = useState<Shown>('board')
  const at = Date.parse(checkpoint.at)
  const changes = useMemo(() => changesBetween(past.snapshot, current, at, now), [past.snapshot, current, at, now])
  const marks = useMemo(() => changeMarks(changes, current), [changes, current])
  // The past views see no open panel or focused card; opening a key result shows it now, on the live board.
  const pastView = useMemo(
    (): ViewState & ViewActions => ({
      ...view,
      focusTaskId: null,
      keyResultId: null,
      openKeyResult: (id: KeyResultId | null) => {
        if (id !== null) view.focus({ keyResultId: id })
      },
    }),
    [view],
  )
  const when = meetingWhenText(checkpoint.at, now)
  const Shown = views[shown]
  return (
    <>
      <div className="history-banner" role="note">
        <Icon name="clock" />
        <p className="history-banner__text">
          Viewing <time dateTime={checkpoint.at}>{when}</time> — read-only
        </p>
        <ViewLink href={viewHref(live.workspaceId, { ...view, view: 'board', checkpointId: null })} className="btn btn--sm btn--primary">
          Back to now
        </ViewLink>
      </div>
      <header className="history-view__head">
        <div>
          <h1 id="history-title">{checkpoint.title}</h1>
          <AllCheckpoints />
        </div>
        <div className="history-show" role="group" aria-label="Show as it was">
          <Button size="sm" aria-pressed={shown === 'board'} onClick={() => setShown('board')}>
            <Icon name="board" size={14} /> Board
          </Button>
          <Button size="sm" aria-pressed={shown === 'okrs'} onClick={() => setShown('okrs')}>
            <Icon name="tree" size={14} /> OKRs
          </Button>
        </div>
      </header>
      <details className="history-changes">
        <summary>
          <strong>Changed since:</strong> {summaryText(changes.summary)}
        </summary>
        <ChangesList changes={changes} since={checkpoint.at} lead="Since this checkpoint" />
      </details>
      {/* As it was then: card ages, stalls and the cycle's elapsed share at the checkpoint's time. */}
      <FixedNowContext.Provider value={at}>
        <ChangeMarksContext.Provider value={marks}>
          <WorkspaceContext.Provider value={past.workspace}>
            <ViewContext.Provider value={pastView}>
              <div className="history-past">
                <Suspense fallback={<p role="status">Loading…</p>}>
                  <Shown />
                </Suspense>
              </div>
            </ViewContext.Provider>
          </WorkspaceContext.Provider>
        </ChangeMarksContext.Provider>
      </FixedNowContext.Provider>
    </>
  )
}
