/** @module Who is who: the prompt that claims my person in a workspace, and a person's chip. */
export { IdentityPrompt } from './IdentityPrompt.tsx'
export { PersonChip } from './PersonChip.tsx'
export { setPendingPerson } from './pendingPerson.ts'
export { useClaimPerson } from './useClaimPerson.ts'
export { usePeopleProbe } from './usePeopleProbe.ts'
