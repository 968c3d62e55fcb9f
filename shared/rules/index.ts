/** @module The OKR rules engine: pure progress, score, stall and lint rules (see RULES.md). */
export { bottomUpShare, countsForTeam, objectiveTeam } from './bottomUpShare.ts'
export type { BottomUpShare } from './bottomUpShare.ts'
export { checkInsByKeyResult, checkInsOf, compareCheckIns, latestCheckIn } from './checkIns.ts'
export {
  DAY_MS,
  cycleElapsedShare,
  cycleWindow,
  dayEnd,
  dayStart,
  days,
  expectedProgress,
  quarterAround,
  wholeDays,
} from './cycleTime.ts'
export type { CycleWindow } from './cycleTime.ts'
export {
  confidenceDropWarning,
  flatTrendWarning,
  idleKeyResultWarning,
  lowConfidenceWarning,
  noCheckInWarning,
  paceWarning,
} from './keyResultStalls.ts'
export { ScoreSource, keyResultScore } from './keyResultScore.ts'
export type { KeyResultScore } from './keyResultScore.ts'
export {
  LintRule,
  bottomUpHints,
  compareWritingHints,
  measurableHint,
  objectiveHints,
  ownerLoadHints,
  writingHints,
} from './lint.ts'
export type { LintOptions, LintTarget, WritingHint } from './lint.ts'
export { isMeasurable, missingMeasure } from './measurable.ts'
export { keyResultsOf, normalisedWeights, objectiveProgress } from './objectiveProgress.ts'
export type { KeyResultContribution, ObjectiveProgress } from './objectiveProgress.ts'
export {
  ProgressBasis,
  keyResultProgress,
  measureProgress,
  taskTally,
  valueMeasure,
  valueProgress,
} from './progress.ts'
export type { KeyResultProgress, TaskTally } from './progress.ts'
export { SCORE_BAND_ADVICE, ScoreBand, scoreBand } from './scoreBand.ts'
export { keyResultFacts, stallScope } from './stallScope.ts'
export type { KeyResultFacts, PlacedTask, StallOptions, StallScope } from './stallScope.ts'
export {
  Severity,
  StallRule,
  compareStallWarnings,
  ruleNumber,
  severityRank,
} from './stallWarning.ts'
export type { StallTarget, StallWarning } from './stallWarning.ts'
export { stallWarnings } from './stalls.ts'
export { overWipWarning, overdueTaskWarning, staleTaskWarning } from './taskStalls.ts'
export {
  BOTTOM_UP_MIN_SHARE,
  CONFIDENCE_DROP,
  DEFAULT_STALL_SETTINGS,
  DEFAULT_TIMEBOX_MS,
  DISCUSS_SPREAD_CONFIDENCE,
  DISCUSS_SPREAD_SCORE,
  LOW_CONFIDENCE,
  MAX_KEY_RESULTS_PER_OBJECTIVE,
  MAX_OBJECTIVES_PER_OWNER,
  MILESTONE_ACHIEVED,
  PACE_GRACE,
  SCORE_CONTINUE,
  SCORE_DECIMALS,
  SCORE_STRETCH_HIGH,
  SCORE_STRETCH_LOW,
  SILENCE_CRITICAL_FACTOR,
  TIMER_WARNING_MS,
  TREND_CHECK_INS,
  WEIGHT_TOLERANCE,
  WEIGHT_TOTAL,
  WEEKLY_TIMEBOX_MS,
} from './thresholds.ts'
export { meetingAgenda } from './meetingAgenda.ts'
export type { AgendaDraft } from './meetingAgenda.ts'
export { TimerPhase, defaultTimebox, readTimer, timerElapsed } from './meetingTimer.ts'
export type { TimerReading } from './meetingTimer.ts'
export { confidenceOf, everyoneVoted, isVoteValue, voteFigures, voteScaleOf } from './meetingVotes.ts'
export type { VoteFigures } from './meetingVotes.ts'
export { ChangeKind, changesBetween } from './changesBetween.ts'
export type { ChangeSummary, CycleStatusChange, KeyResultDelta, RecordDelta, TaskDelta, WorkspaceChanges } from './changesBetween.ts'
export { meetingMinutes } from './meetingMinutes.ts'
export type { Minutes, MinutesInput, MinutesItem, ReviewNotes } from './meetingMinutes.ts'
export {
  AHEAD_PACE,
  CHECK_IN_PERIOD_DAYS,
  ConfidenceLevel,
  Disagreement,
  FORECAST_MIN_CHECK_INS,
  FORECAST_POINTS,
  HIGH_CONFIDENCE,
  LATE_GRACE_DAYS,
  PaceStatus,
  SlotStatus,
  checkInDiscipline,
  checkInSlots,
  confidenceInsights,
  confidenceLevel,
  cycleProgress,
  forecast,
  insightScope,
  insights,
  keyResultBurnUp,
  keyResultPace,
  objectiveBurnUp,
  paceStatus,
  progressAt,
  scoreDistribution,
  shortDate,
} from './insights/index.ts'
export type {
  CheckInDiscipline,
  CheckInSlot,
  ConfidenceDisagreement,
  ConfidenceInsights,
  ConfidenceTrend,
  CycleProgress,
  ExpectedCourse,
  Forecast,
  GroupDiscipline,
  InsightFilters,
  InsightKeyResult,
  InsightObjective,
  InsightScope,
  Insights,
  KeyResultBurnUp,
  KeyResultDiscipline,
  KeyResultPace,
  ObjectiveBurnUp,
  ObjectivePace,
  ScoreDistribution,
  SlotCounts,
  TimeValue,
} from './insights/index.ts'
