/** @module Roundtable's mark: a ring of seats around a table, drawn inline (decorative). */

export function Logo({ size = 24 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="5.2" fill="var(--accent)" />
      {[0, 60, 120, 180, 240, 300].map((deg) => (
        <circle key={deg} cx={12 + 9 * Math.cos((deg * Math.PI) / 180)} cy={12 + 9 * Math.sin((deg * Math.PI) / 180)} r="2.1" fill="var(--accent)" opacity="0.55" />
      ))}
    </svg>
  )
}
