// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { COLORS } from '../../../client/sync/identity.ts'
import { Avatar, AvatarStack } from '../../../client/ui/Avatar.tsx'
import { contrastRatio, readableTextOn } from '../../../client/ui/contrast.ts'

afterEach(cleanup)

/** jsdom keeps the inline style as written; the browser would report rgb(). */
const toHex = (css: string) => {
  const m = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(css)
  return m ? `#${m.slice(1).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}` : css
}

describe('avatar text colour', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#fff', '#fff')).toBeCloseTo(1, 5)
    // White on the palette's yellow: the 1.6:1 the walk-through found.
    expect(contrastRatio('#ffffff', '#ffc53d')).toBeCloseTo(1.58, 2)
    expect(contrastRatio('var(--x)', '#fff')).toBeNull()
  })

  it.each(COLORS)('initials on %s read at 4.5:1 or better (WCAG AA, small text)', (color) => {
    render(<Avatar name="Ana Kowalski" color={color} />)
    const avatar = screen.getByRole('img', { name: 'Ana Kowalski' })
    expect(avatar.textContent).toBe('AK')
    const text = toHex(avatar.style.color)
    expect(toHex(avatar.style.background)).toBe(color)
    expect(contrastRatio(text, color)).toBeGreaterThanOrEqual(4.5)
  })

  it('picks a readable text colour for any opaque colour, not just the palette', () => {
    // A sweep of greys and of hues at every lightness: the worst case is still above 4.5:1.
    let worst = 21
    for (let v = 0; v < 256; v += 5) {
      for (const hex of [`#${v.toString(16).padStart(2, '0').repeat(3)}`, `#${v.toString(16).padStart(2, '0')}8000`, `#00${v.toString(16).padStart(2, '0')}ff`]) {
        worst = Math.min(worst, contrastRatio(readableTextOn(hex)!, hex)!)
      }
    }
    expect(worst).toBeGreaterThanOrEqual(4.5)
  })

  it('marks my own avatar in a stack, and counts the ones left out', () => {
    render(
      <AvatarStack
        label="3 people here"
        max={2}
        people={[
          { name: 'Me Myself', color: '#ffc53d', self: true, detail: 'you' },
          { name: 'Bo', color: '#0090ff' },
          { name: 'Cy', color: '#6e56cf' },
        ]}
      />,
    )
    expect(screen.getByRole('img', { name: 'Me Myself, you' }).className).toContain('avatar--self')
    expect(screen.getByRole('img', { name: 'Bo' }).className).not.toContain('avatar--self')
    expect(screen.getByRole('img', { name: '1 more' }).textContent).toBe('+1')
  })
})
