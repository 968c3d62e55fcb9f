/**
 * @module Counters and gauges for `/metrics`, rendered as Prometheus text. One registry per app;
 * rooms and storage count into it, the route renders it.
 */

type Labels = Readonly<Record<string, string>>

const NO_LABELS: Labels = Object.freeze({})

interface Series {
  readonly help: string
  readonly type: 'counter' | 'gauge'
  readonly values: Map<string, number>
}

export class Metrics {
  readonly #series = new Map<string, Series>()

  /** Adds `by` (default 1) to a counter. */
  inc(name: string, help: string, labels: Labels = NO_LABELS, by = 1): void {
    const values = this.#get(name, help, 'counter').values
    // Counted per message: no allocation for the usual unlabelled series.
    const key = labels === NO_LABELS ? '' : labelKey(labels)
    values.set(key, (values.get(key) ?? 0) + by)
  }

  /** Sets a gauge. */
  set(name: string, help: string, value: number, labels: Labels = {}): void {
    this.#get(name, help, 'gauge').values.set(labelKey(labels), value)
  }

  /** Current value of a series (0 when never set), for tests and health output. */
  value(name: string, labels: Labels = {}): number {
    return this.#series.get(name)?.values.get(labelKey(labels)) ?? 0
  }

  /** The Prometheus text exposition format. */
  render(): string {
    const lines: string[] = []
    for (const [name, series] of [...this.#series].sort(([a], [b]) => (a < b ? -1 : 1))) {
      lines.push(`# HELP ${name} ${series.help}`, `# TYPE ${name} ${series.type}`)
      for (const [labels, value] of series.values) lines.push(`${name}${labels} ${value}`)
    }
    return `${lines.join('\n')}\n`
  }

  #get(name: string, help: string, type: Series['type']): Series {
    let series = this.#series.get(name)
    if (series === undefined) {
      series = { help, type, values: new Map() }
      this.#series.set(name, series)
    }
    return series
  }
}

function labelKey(labels: Labels): string {
  const entries = Object.entries(labels)
  if (entries.length === 0) return ''
  const escape = (v: string) => v.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')
  return `{${entries
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}="${escape(v)}"`)
    .join(',')}}`
}
