/** @module What other features use of the stall radar: the warnings hook, the stall icon, rule names. */
export { RULE_LABEL } from './describeWarning.ts'
export { StallIcon } from './StallIcon.tsx'
export { byKeyResult, useStallWarnings } from './useStallWarnings.ts'
