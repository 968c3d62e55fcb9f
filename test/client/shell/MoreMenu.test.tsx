// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { MoreMenu } from '../../../client/features/shell/MoreMenu.tsx'

afterEach(cleanup)

function renderMenu() {
  render(
    <div>
      <MoreMenu>
        <button type="button">Share</button>
        <dialog open aria-label="Share the workspace">
          <button type="button">Copy</button>
        </dialog>
      </MoreMenu>
      <p>the board</p>
    </div>,
  )
  return screen.getByRole('button', { name: 'More' })
}

describe('the phone top bar\'s "More"', () => {
  it('is a disclosure: closed at first, its content shown once pressed', () => {
    const more = renderMenu()
    expect(more.getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryByRole('button', { name: 'Share' })).toBeNull()
    fireEvent.click(more)
    expect(more.getAttribute('aria-expanded')).toBe('true')
    expect(screen.getByRole('group', { name: 'More' })).toBeTruthy()
    expect(document.getElementById(more.getAttribute('aria-controls')!)?.contains(screen.getByRole('button', { name: 'Share' }))).toBe(true)
  })

  it('closes on Escape (focus back on "More") and on a press outside, not inside a dialog it opened', () => {
    const more = renderMenu()
    fireEvent.click(more)
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Copy' }))
    expect(more.getAttribute('aria-expanded')).toBe('true')
    fireEvent.keyDown(screen.getByRole('button', { name: 'Share' }), { key: 'Escape' })
    expect(more.getAttribute('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(more)
    fireEvent.click(more)
    fireEvent.pointerDown(screen.getByText('the board'))
    expect(more.getAttribute('aria-expanded')).toBe('false')
  })
})
