// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { Toggletip } from '../../../client/ui/Toggletip.tsx'

afterEach(cleanup)

const bubble = () => document.body.querySelector('.toggletip__bubble')

function renderTip() {
  render(
    <div>
      <Toggletip className="stall-icon" title="Stalled: no check-in for 9 days" tip="Stalled: no check-in for 9 days">
        <span className="visually-hidden">Stalled: no check-in for 9 days</span>
      </Toggletip>
      <p>elsewhere</p>
    </div>,
  )
  return screen.getByRole('button', { name: 'Stalled: no check-in for 9 days' })
}

describe('toggletip', () => {
  it('opens its words on click (a tap) and closes on a second one', () => {
    const button = renderTip()
    expect(button.getAttribute('aria-expanded')).toBe('false')
    expect(bubble()).toBeNull()
    fireEvent.click(button)
    expect(button.getAttribute('aria-expanded')).toBe('true')
    expect(bubble()?.textContent).toBe('Stalled: no check-in for 9 days')
    fireEvent.click(button)
    expect(bubble()).toBeNull()
  })

  it('closes on Escape and on a press elsewhere', () => {
    const button = renderTip()
    fireEvent.click(button)
    fireEvent.keyDown(button, { key: 'Escape' })
    expect(button.getAttribute('aria-expanded')).toBe('false')
    fireEvent.click(button)
    fireEvent.pointerDown(screen.getByText('elsewhere'))
    expect(bubble()).toBeNull()
  })

  it('stays open when the bubble itself is pressed', () => {
    const button = renderTip()
    fireEvent.click(button)
    fireEvent.pointerDown(bubble()!)
    expect(bubble()).not.toBeNull()
  })
})
