/**
 * @module Presence of one co-typed field: who else is typing in it, and handlers that announce my
 * own typing while the field has focus (and stop announcing when it loses it or unmounts).
 */
import { useEffect, useMemo, useRef } from 'react'
import { peersAt, usePeers } from '../../hooks/usePeers.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import type { Peer } from '../../sync/presence.ts'

export function useFieldPresence(target: string): { others: readonly Peer[]; onFocus: () => void; onBlur: () => void } {
  const { presence } = useWorkspace()
  const peers = usePeers()
  const others = useMemo(() => peersAt(peers, target), [peers, target])
  const focused = useRef(false)
  useEffect(
    () => () => {
      if (focused.current) presence.setActivity(null)
    },
    [presence],
  )
  return {
    others,
    onFocus: () => {
      focused.current = true
      presence.setActivity({ kind: 'editing', target })
    },
    onBlur: () => {
      focused.current = false
      presence.setActivity(null)
    },
  }
}
