/** @module First run: the empty state of a cycle with no objectives, with a start from a template. */
export { LazyFirstRunGuide as FirstRunGuide } from './LazyFirstRunGuide.tsx'
export type { FirstRunGuideProps } from './FirstRunGuide.tsx'
