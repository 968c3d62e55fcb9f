/** @module The OKR templates a new workspace can start from, in the order they are offered. */
import { companyQuarter } from './companyQuarter.ts'
import type { OkrTemplate, TemplateId } from './okrTemplate.ts'
import { productTeam } from './productTeam.ts'
import { salesTeam } from './salesTeam.ts'

export { TemplateId } from './okrTemplate.ts'
export type { KeyResultTemplate, ObjectiveTemplate, OkrTemplate } from './okrTemplate.ts'

export const OKR_TEMPLATES: readonly OkrTemplate[] = [companyQuarter, productTeam, salesTeam]

/** The template with that id, or undefined. */
export function templateById(id: TemplateId): OkrTemplate | undefined {
  return OKR_TEMPLATES.find((t) => t.id === id)
}
