// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Person, PersonId } from '../../../shared/model/index.ts'
import { IdentityPrompt } from '../../../client/features/identity/IdentityPrompt.tsx'
import { COLORS, colorFor } from '../../../client/sync/identity.ts'

afterEach(cleanup)

const people: Person[] = [
  { id: 'p-dana' as PersonId, name: 'Dana Lee', teamId: null },
  { id: 'p-sam' as PersonId, name: 'Sam Ortiz', teamId: null },
]

describe('identity prompt', () => {
  it('lets an editor pick themselves from People', () => {
    const onDone = vi.fn()
    render(<IdentityPrompt workspaceName="Acme" canEdit people={people} onDone={onDone} />)
    expect(screen.getByRole('dialog', { name: 'Join Acme' })).toBeTruthy()
    fireEvent.click(screen.getByRole('radio', { name: /Sam Ortiz/ }))
    // Their own name needs no typing.
    expect(screen.queryByRole('textbox', { name: 'Your name' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Join' }))
    expect(onDone).toHaveBeenCalledWith({ name: 'Sam Ortiz', color: colorFor('Sam Ortiz'), personId: 'p-sam' }, false)
  })

  it('adds a new person with a fresh id when the name is not on the list', () => {
    const onDone = vi.fn()
    render(<IdentityPrompt workspaceName="Acme" canEdit people={people} onDone={onDone} />)
    expect(screen.getByRole('radio', { name: /Someone new/ })).toHaveProperty('checked', true)
    const join = screen.getByRole('button', { name: 'Join' })
    expect(join).toHaveProperty('disabled', true)
    fireEvent.change(screen.getByRole('textbox', { name: 'Your name' }), { target: { value: '  Ada Byron ' } })
    fireEvent.click(join)
    const [identity, isNew] = onDone.mock.calls[0]!
    expect(isNew).toBe(true)
    expect(identity.name).toBe('Ada Byron')
    expect(identity.color).toBe(colorFor('Ada Byron'))
    expect(identity.personId).toMatch(/^[0-9A-Za-z]{16}$/)
  })

  it('keeps a colour the person picked instead of the one from the name', () => {
    const onDone = vi.fn()
    render(<IdentityPrompt workspaceName="Acme" canEdit={false} people={[]} onDone={onDone} />)
    fireEvent.change(screen.getByRole('textbox', { name: 'Your name' }), { target: { value: 'Viv' } })
    const pick = COLORS.find((c) => c !== colorFor('Viv'))!
    const swatches = screen.getByRole('radiogroup', { name: 'Your colour' })
    const index = COLORS.indexOf(pick as (typeof COLORS)[number])
    fireEvent.click(swatches.querySelectorAll('button')[index]!)
    fireEvent.click(screen.getByRole('button', { name: 'Join' }))
    expect(onDone).toHaveBeenCalledWith({ name: 'Viv', color: pick, personId: null }, false)
  })

  it('asks a viewer only for a name, never offering People', () => {
    render(<IdentityPrompt workspaceName="Acme" canEdit={false} people={people} onDone={() => {}} />)
    expect(screen.queryByRole('radio', { name: /Dana Lee/ })).toBeNull()
    expect(screen.getByRole('textbox', { name: 'Your name' })).toBeTruthy()
  })
})
