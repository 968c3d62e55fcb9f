/** @module Inline SVG icons (no icon font, no extra package): decorative unless given a label. */

const PATHS = {
  close: 'M6 6l12 12M18 6L6 18',
  plus: 'M12 5v14M5 12h14',
  undo: 'M9 14L4 9l5-5M4 9h10a6 6 0 010 12h-3',
  redo: 'M15 14l5-5-5-5M20 9H10a6 6 0 000 12h3',
  board: 'M4 5h4v14H4zM10 5h4v9h-4zM16 5h4v11h-4z',
  tree: 'M12 4v4M12 8H6v4M12 8h6v4M4 12h4v4H4zM16 12h4v4h-4z',
  radar: 'M12 12m-8 0a8 8 0 1016 0a8 8 0 10-16 0M12 12m-4 0a4 4 0 108 0a4 4 0 10-8 0M12 12l6-6',
  alert: 'M12 3l9 16H3zM12 10v4M12 17v.5',
  clock: 'M12 12m-8 0a8 8 0 1016 0a8 8 0 10-16 0M12 8v4l3 2',
  flag: 'M5 21V4M5 4h11l-2 4 2 4H5',
  check: 'M5 12l5 5 9-10',
  chevronDown: 'M6 9l6 6 6-6',
  chevronRight: 'M9 6l6 6-6 6',
  more: 'M6 12h.01M12 12h.01M18 12h.01',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13',
  edit: 'M4 20h4L19 9l-4-4L4 16zM14 6l4 4',
  link: 'M10 14a4 4 0 006 0l3-3a4 4 0 00-6-6l-1 1M14 10a4 4 0 00-6 0l-3 3a4 4 0 006 6l1-1',
  user: 'M12 12a4 4 0 100-8 4 4 0 000 8zM4 20a8 8 0 0116 0',
  wifiOff: 'M3 3l18 18M8.5 16.5a5 5 0 017 0M5 13a10 10 0 015-2.8M19 13a10 10 0 00-2.4-1.7M12 20h.01',
  drag: 'M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01',
  chart: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
  sun: 'M12 12m-4 0a4 4 0 108 0a4 4 0 10-8 0M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4',
  moon: 'M21 13A9 9 0 1111 3a7 7 0 0010 10z',
  lock: 'M6 11h12v9H6zM8 11V8a4 4 0 018 0v3',
  activity: 'M3 12h4l3-8 4 16 3-8h4',
  comment: 'M4 5h16v11H9l-5 4z',
  inbox: 'M4 13l2.5-8h11l2.5 8v6H4zM4 13h5l1 2h4l1-2h5',
  reply: 'M10 8L5 13l5 5M5 13h9a5 5 0 015 5v1',
} as const

export type IconName = keyof typeof PATHS

export function Icon({ name, size = 16, label }: { name: IconName; size?: number; label?: string }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  )
}
