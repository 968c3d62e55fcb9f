/**
 * @module What /proc says about a process and the machine: CPU time (utime + stime) and resident
 * memory (VmRSS) of one pid, and the machine's busy time, so figures never come from a wall clock.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux unless told otherwise). */
export const CLOCK_TICKS = clockTicks()

function clockTicks(): number {
  try {
    const out = execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()
    const n = Number(out)
    return Number.isFinite(n) && n > 0 ? n : 100
  } catch {
    return 100
  }
}

export interface ProcSample {
  /** utime + stime in milliseconds. */
  readonly cpuMs: number
  /** VmRSS in KiB. */
  readonly rssKiB: number
}

/** CPU time and resident memory of `pid`; throws if it is gone. */
export function sampleProcess(pid: number): ProcSample {
  return { cpuMs: processCpuMs(pid), rssKiB: processRssKiB(pid) }
}

/** utime + stime of `pid` in milliseconds. */
export function processCpuMs(pid: number | 'self'): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name may hold spaces and parentheses: fields are counted after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // Fields 14 and 15 of the whole line are the 12th and 13th after the name.
  const utime = Number(fields[11])
  const stime = Number(fields[12])
  return ((utime + stime) * 1000) / CLOCK_TICKS
}

/**
 * CPU of `pid` and its children in milliseconds: its own utime + stime, the cutime + cstime of the
 * children it reaped, and the utime + stime of those alive (PostgreSQL: the postmaster and its
 * backends). 0 if it is gone.
 */
export function processTreeCpuMs(pid: number): number {
  const fields = (p: number | string) => {
    const stat = readFileSync(`/proc/${p}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  }
  try {
    const own = fields(pid)
    let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14])
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue
      try {
        const f = fields(entry)
        if (Number(f[1]) === pid) ticks += Number(f[11]) + Number(f[12])
      } catch {
        // Gone meanwhile.
      }
    }
    return (ticks * 1000) / CLOCK_TICKS
  } catch {
    return 0
  }
}

/**
 * The pid of the first process whose command line (arguments joined by spaces; redis-server
 * rewrites its own to `redis-server HOST:PORT`) holds every one of `parts`, or null. `runuser`,
 * which starts PostgreSQL as its user with the same arguments, is not it.
 */
export function findProcess(parts: readonly string[]): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')
      const cmdline = args.join(' ')
      if (parts.every((w) => cmdline.includes(w)) && !args[0]!.endsWith('runuser')) return Number(entry)
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return null
}

/** VmRSS of `pid` in KiB. */
export function processRssKiB(pid: number | 'self'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)
  return match === null ? 0 : Number(match[1])
}

/** Soft and hard limits on open files of `pid`. */
export function openFileLimits(pid: number | 'self' = 'self'): { soft: number; hard: number } {
  const limits = readFileSync(`/proc/${pid}/limits`, 'utf8')
  const match = /^Max open files\s+(\S+)\s+(\S+)/m.exec(limits)
  const num = (s: string | undefined) => (s === undefined || s === 'unlimited' ? Number.POSITIVE_INFINITY : Number(s))
  return { soft: num(match?.[1]), hard: num(match?.[2]) }
}

export interface MachineSample {
  /** Busy CPU time of all cores together (everything but idle and iowait), in milliseconds. */
  readonly busyMs: number
  /** All CPU time of all cores together, in milliseconds. */
  readonly totalMs: number
}

/** The machine's CPU counters from the first line of /proc/stat. */
export function sampleMachine(): MachineSample {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? ''
  const values = line.trim().split(/\s+/).slice(1).map(Number)
  // user nice system idle iowait irq softirq steal (guest times are already counted in user).
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = values
  const busy = user + nice + system + irq + softirq + steal
  const toMs = (ticks: number) => (ticks * 1000) / CLOCK_TICKS
  return { busyMs: toMs(busy), totalMs: toMs(busy + idle + iowait) }
}

/**
 * Watches a server and the machine over a measurement window: the server's CPU and memory, and
 * the CPU that other processes (neither the server nor the harness) used meanwhile.
 */
export class Window {
  readonly #pid: number
  readonly #harness: readonly number[]
  readonly #server: ProcSample
  readonly #machine: MachineSample
  readonly #harnessCpu: number
  readonly #started = performance.now()

  /** @param harness pids of the benchmark's own processes (the load generator, the orchestrator) */
  constructor(serverPid: number, harness: readonly number[]) {
    this.#pid = serverPid
    this.#harness = harness
    this.#server = sampleProcess(serverPid)
    this.#machine = sampleMachine()
    this.#harnessCpu = harnessCpu(harness)
  }

  get startRssKiB(): number {
    return this.#server.rssKiB
  }

  /** Figures since the window opened. */
  close(): WindowFigures {
    const server = sampleProcess(this.#pid)
    const machine = sampleMachine()
    const harness = harnessCpu(this.#harness)
    const wallMs = performance.now() - this.#started
    const serverCpuMs = server.cpuMs - this.#server.cpuMs
    const harnessCpuMs = harness - this.#harnessCpu
    const othersMs = Math.max(0, machine.busyMs - this.#machine.busyMs - serverCpuMs - harnessCpuMs)
    return {
      wallMs,
      serverCpuMs,
      harnessCpuMs,
      rssStartKiB: this.#server.rssKiB,
      rssEndKiB: server.rssKiB,
      othersCpuShare: wallMs > 0 ? othersMs / wallMs : 0,
    }
  }
}

export interface WindowFigures {
  readonly wallMs: number
  readonly serverCpuMs: number
  readonly harnessCpuMs: number
  readonly rssStartKiB: number
  readonly rssEndKiB: number
  /** CPU used by other processes, in cores (0.25 = a quarter of one core on average). */
  readonly othersCpuShare: number
}

function harnessCpu(pids: readonly number[]): number {
  let sum = 0
  for (const pid of pids) {
    try {
      sum += processCpuMs(pid)
    } catch {
      // Gone: counts as nothing more.
    }
  }
  return sum
}
