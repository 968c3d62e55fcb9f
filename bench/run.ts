/**
 * @module `npm run bench`: prints benchmark figures as a Markdown table. Never part of `npm test`.
 * `--quick` runs a smaller board.
 */
import { cpus, loadavg } from 'node:os'
import { benchModel } from './model.ts'

const quick = process.argv.includes('--quick')
const figures = benchModel(quick ? 0.25 : 1)

console.log(`# Roundtable benchmarks (${new Date().toISOString().slice(0, 10)})`)
console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown cpu'}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}, node ${process.version}`)
console.log('')
console.log('## Model (shared/doc + shared/rules, in process)')
console.log('')
console.log('| figure | value |')
console.log('| --- | ---: |')
for (const f of figures) console.log(`| ${f.label} | ${f.value.toFixed(f.value < 10 ? 3 : 1)} ${f.unit} |`)
