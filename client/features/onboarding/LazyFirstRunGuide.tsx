/**
 * @module The first-run guide as the board and the OKR tree use it: loaded (with its three
 * templates) only when a cycle is empty, which a board in use never is.
 */
import { Suspense, lazy } from 'react'
import type { FirstRunGuideProps } from './FirstRunGuide.tsx'

const Guide = lazy(() => import('./FirstRunGuide.tsx').then((m) => ({ default: m.FirstRunGuide })))

export function LazyFirstRunGuide(props: FirstRunGuideProps) {
  return (
    <Suspense fallback={null}>
      <Guide {...props} />
    </Suspense>
  )
}
