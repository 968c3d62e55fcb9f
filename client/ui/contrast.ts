/**
 * @module WCAG 2 contrast between two colours, and the text colour (black or white) that reads
 * best on a background: for avatars, whose background is whatever colour a person picked.
 */

/** The two text colours to choose from; one of them always reaches 4.58:1 on any opaque colour. */
export const DARK_TEXT = '#000000'
export const LIGHT_TEXT = '#ffffff'

/** `#rgb` or `#rrggbb` as 0..1 channels, or null for anything else (a CSS variable, a name). */
export function parseHex(color: string): readonly [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())
  if (m === null) return null
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as unknown as readonly [number, number, number]
}

/** Relative luminance (WCAG 2.x definition). */
export function luminance([r, g, b]: readonly [number, number, number]): number {
  const lin = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/** Contrast ratio of two hex colours, 1 to 21; null when either is not a hex colour. */
export function contrastRatio(a: string, b: string): number | null {
  const pa = parseHex(a)
  const pb = parseHex(b)
  if (pa === null || pb === null) return null
  const [hi, lo] = [luminance(pa), luminance(pb)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** Black or white, whichever contrasts more with `background`; null when it is not a hex colour. */
export function readableTextOn(background: string): string | null {
  const dark = contrastRatio(DARK_TEXT, background)
  const light = contrastRatio(LIGHT_TEXT, background)
  if (dark === null || light === null) return null
  return dark >= light ? DARK_TEXT : LIGHT_TEXT
}
