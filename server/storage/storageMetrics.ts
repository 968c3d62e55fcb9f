/** @module The counters FileStorage keeps, as [name, help] pairs for `Metrics.inc`. */

export const StorageMetric = {
  appends: ['roundtable_storage_appends_total', 'Updates appended to document logs.'],
  appendedBytes: ['roundtable_storage_appended_bytes_total', 'Bytes of updates appended (payload only).'],
  flushes: ['roundtable_storage_flushes_total', 'Group commits written (one per commit window with work).'],
  flushSeconds: ['roundtable_storage_flush_seconds_sum', 'Seconds spent writing and syncing group commits.'],
  fsyncs: ['roundtable_storage_log_fsyncs_total', 'Synced writes (O_DSYNC): the journal once per group commit, logs at checkpoints.'],
  checkpoints: ['roundtable_storage_checkpoints_total', 'Journal checkpoints: written logs synced, the journal emptied.'],
  replayed: ['roundtable_storage_journal_replayed_total', 'Journal records replayed into document logs at start.'],
  writeErrors: ['roundtable_storage_write_errors_total', 'Log writes that failed; their records stay in the journal and in memory.'],
  compactions: ['roundtable_storage_compactions_total', 'Snapshots written by compaction.'],
  tornBytes: ['roundtable_storage_torn_bytes_total', 'Bytes of torn log tail cut off before appending.'],
} as const
