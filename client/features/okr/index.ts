/** @module What other features use of the OKR tree's parts: co-typed fields, the score badge, and a key result's measure fields over one draft model. */
export { CoTypedField } from './CoTypedField.tsx'
export { EMPTY_DRAFT, patchOf } from './keyResultDraft.ts'
export type { KeyResultDraft } from './keyResultDraft.ts'
export { KeyResultFields } from './KeyResultFields.tsx'
export { ScoreBadge } from './ScoreBadge.tsx'
