/** @module How each stall severity looks and reads: icon, colour tone and label (never colour alone). */
import type { StallWarning } from '../../shared/rules/index.ts'
import { Severity, severityRank } from '../../shared/rules/index.ts'
import type { IconName } from '../ui/Icon.tsx'

export const SEVERITY_ORDER: readonly Severity[] = [Severity.Critical, Severity.Warning, Severity.Info]

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  critical: 'Critical',
  warning: 'Warning',
  info: 'Info',
}

/** Plural headings for groups and filters. */
export const SEVERITY_GROUP: Readonly<Record<Severity, string>> = {
  critical: 'Critical',
  warning: 'Warnings',
  info: 'Info',
}

/** "1 Warning", "3 Warnings": the group's word after a count. */
export function severityCountLabel(severity: Severity, count: number): string {
  return count === 1 && severity === Severity.Warning ? 'Warning' : SEVERITY_GROUP[severity]
}

export const SEVERITY_ICON: Readonly<Record<Severity, IconName>> = {
  critical: 'alert',
  warning: 'clock',
  info: 'flag',
}

/** The most severe of some warnings, or null for none. */
export function worstSeverity(warnings: readonly StallWarning[]): Severity | null {
  let worst: Severity | null = null
  for (const w of warnings) if (worst === null || severityRank(w.severity) > severityRank(worst)) worst = w.severity
  return worst
}
