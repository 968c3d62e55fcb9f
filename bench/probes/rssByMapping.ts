/** @module Resident memory of a process by mapping, from /proc/PID/smaps (development probes). */
import { readFileSync } from 'node:fs'

/** Resident KiB by mapping: [heap], [anon], [stack], or "file" for every mapped file. */
export function rssByMapping(pid: number): Map<string, number> {
  const out = new Map<string, number>()
  let name = ''
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line)
    if (mapping !== null) {
      name = mapping[1] === '' ? '[anon]' : mapping[1]!.includes('/') ? 'file' : mapping[1]!
      continue
    }
    const rss = /^Rss:\s+(\d+)/.exec(line)
    if (rss !== null) out.set(name, (out.get(name) ?? 0) + Number(rss[1]))
  }
  return out
}
