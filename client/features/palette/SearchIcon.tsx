/** @module A magnifying glass, drawn here since the palette is its only user. */
export function SearchIcon({ size = 16 }: { size?: number }) {
  return (
    <svg className="palette__icon" width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="m10.5 10.5 3.5 3.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  )
}
