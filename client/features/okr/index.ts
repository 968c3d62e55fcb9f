/** @module What other features use of the OKR tree's parts: co-typed fields and the score badge. */
export { CoTypedField } from './CoTypedField.tsx'
export { ScoreBadge } from './ScoreBadge.tsx'
