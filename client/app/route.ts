/**
 * @module Routing without a router package: two pages, read from `location.pathname`, moved
 * between with the History API. `navigate` tells every `useRoute` through a same-window event.
 */
import { useSyncExternalStore } from 'react'

export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'workspace'; readonly workspaceId: string }
  | { readonly page: 'not-found' }

const NAVIGATE = 'roundtable:navigate'

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' }
  const match = /^\/w\/([^/]+)\/?$/.exec(pathname)
  if (match) return { page: 'workspace', workspaceId: decodeURIComponent(match[1]!) }
  return { page: 'not-found' }
}

/** Goes to `href` (a path, optionally with a `#fragment`) without reloading the page. */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', href)
  else history.pushState(null, '', href)
  window.dispatchEvent(new Event(NAVIGATE))
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(NAVIGATE, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(NAVIGATE, onChange)
  }
}

const pathname = () => location.pathname

export function useRoute(): Route {
  // Subscribe to the pathname string (stable between renders), then parse it.
  return parseRoute(useSyncExternalStore(subscribe, pathname, pathname))
}
