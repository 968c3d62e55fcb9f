/**
 * @module Decides whether and how a workspace page may open: the token from the link's fragment
 * (else the one this browser remembered), checked once with the server. A refused link gets a clear
 * page; an unreachable server still opens a workspace this browser has opened before, offline.
 */
import { useCallback, useEffect, useState } from 'react'
import type { Role } from '../../shared/protocol/index.ts'
import { lookupWorkspace, tokenFromHash } from './api.ts'
import { getKnownWorkspace, rememberWorkspace, storedToken } from './knownWorkspaces.ts'
import { earlyLookup, forgetEarlyLookup } from './startEarly.ts'

export type WorkspaceAccess =
  | { readonly kind: 'checking' }
  | {
      readonly kind: 'ready'
      readonly workspaceId: string
      readonly name: string
      readonly role: Role
      readonly token: string
      /** Opened from the cache because the server did not answer. */
      readonly offline: boolean
    }
  /** `missing`: the link carries no token and this browser knows none. */
  | { readonly kind: 'denied'; readonly reason: 'missing' | 'refused' }
  | { readonly kind: 'unreachable'; readonly retry: () => void }

/**
 * Moves the token out of the address bar once it is remembered: a copied URL then never hands
 * on someone's owner rights by accident (the Share dialog gives the right link instead), and the
 * token does not linger in screenshots or screen shares. Reloads find it in storage.
 */
function hideTokenFromAddressBar(): void {
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search)
}

export function useWorkspaceAccess(workspaceId: string): WorkspaceAccess {
  const [state, setState] = useState<WorkspaceAccess>({ kind: 'checking' })
  const [attempt, setAttempt] = useState(0)
  const retry = useCallback(() => setAttempt((n) => n + 1), [])

  useEffect(() => {
    const fromLink = tokenFromHash(location.hash)
    const token = fromLink ?? storedToken(workspaceId)
    if (token === null) {
      setState({ kind: 'denied', reason: 'missing' })
      return
    }
    const controller = new AbortController()
    setState({ kind: 'checking' })
    // The first check was usually started with the page (startEarly); a retry asks again.
    const early = attempt === 0 ? earlyLookup(workspaceId, token) : null
    ;(early ?? lookupWorkspace(workspaceId, token, controller.signal)).then(
      (result) => {
        if (controller.signal.aborted) return
        forgetEarlyLookup()
        switch (result.kind) {
          case 'ok':
            rememberWorkspace({ id: workspaceId, name: result.info.name, role: result.info.role, token })
            hideTokenFromAddressBar()
            setState({ kind: 'ready', workspaceId, name: result.info.name, role: result.info.role, token, offline: false })
            return
          case 'denied':
            setState({ kind: 'denied', reason: 'refused' })
            return
          case 'unreachable': {
            // Only a token this browser already used with success carries a role we can trust.
            const known = getKnownWorkspace(workspaceId)
            if (known && known.token === token) {
              hideTokenFromAddressBar()
              setState({ kind: 'ready', workspaceId, name: known.name, role: known.role, token, offline: true })
            } else {
              setState({ kind: 'unreachable', retry })
            }
            return
          }
        }
      },
      () => undefined, // aborted: the page changed or unmounted
    )
    return () => controller.abort()
  }, [workspaceId, attempt, retry])

  return state
}
