/** @module The shape of an OKR template: plain data that applyTemplate writes into a draft cycle. */
import type { KeyResultKind, ObjectiveLevel, Origin } from '../../model/index.ts'

/** The templates there are, by stable id (used by the client's buttons and the tests). */
export const TemplateId = {
  CompanyQuarter: 'company-quarter',
  ProductTeam: 'product-team',
  SalesTeam: 'sales-team',
} as const
export type TemplateId = (typeof TemplateId)[keyof typeof TemplateId]

export interface KeyResultTemplate {
  readonly title: string
  readonly kind: KeyResultKind
  readonly weight: number
  readonly unit?: string
  readonly start?: number
  readonly target?: number
  readonly rangeLow?: number
  readonly rangeHigh?: number
  /** Milestones and baselines: when they are due, as a share of the cycle (0 = start, 1 = end). */
  readonly dueAt?: number
  /** Cards put in the first to-do column under this key result. */
  readonly tasks?: readonly string[]
}

export interface ObjectiveTemplate {
  readonly title: string
  readonly description: string
  readonly level: ObjectiveLevel
  readonly origin: Origin
  readonly keyResults: readonly KeyResultTemplate[]
}

export interface OkrTemplate {
  readonly id: TemplateId
  readonly name: string
  /** One line for the template's button. */
  readonly summary: string
  /** The team the objectives belong to (found by name, else created); null for company OKRs. */
  readonly team: string | null
  readonly objectives: readonly ObjectiveTemplate[]
}
