// @vitest-environment jsdom
/** Rendering a comment body: elements built from the parse, never HTML from the text. */
import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { CommentBody } from '../../../client/features/comments/CommentBody.tsx'
import type { Person, PersonId } from '../../../shared/model/index.ts'

const people = (name: string) => new Map<PersonId, Person>([['ben' as PersonId, { id: 'ben' as PersonId, name, teamId: null }]])

describe('CommentBody', () => {
  it('renders bold, code, lists, links and mentions by their current name', () => {
    const body = '**Ship** `v2` with @[ben]\n\n- see [docs](https://x.org/d)\n- mail mailto:a@b.org\n\n```\n<b>raw</b>\n```'
    const { container, rerender } = render(<CommentBody body={body} people={people('Ben')} />)
    expect(container.querySelector('strong')?.textContent).toBe('Ship')
    expect(container.querySelector('p code')?.textContent).toBe('v2')
    expect(container.querySelector('.mention')?.textContent).toBe('@Ben')
    expect(container.querySelectorAll('ul li')).toHaveLength(2)
    const link = container.querySelector('a')!
    expect(link.getAttribute('href')).toBe('https://x.org/d')
    expect(link.getAttribute('rel')).toBe('noopener noreferrer')
    expect(container.querySelector('pre code')?.textContent).toBe('<b>raw</b>')
    expect(container.querySelector('pre b')).toBeNull()
    rerender(<CommentBody body={body} people={people('Benjamin')} />)
    expect(container.querySelector('.mention')?.textContent).toBe('@Benjamin')
  })

  it('never turns text into HTML or script links', () => {
    const { container } = render(<CommentBody body={'<img src=x onerror="alert(1)"> [x](javascript:alert(1)) **<i>y</i>**'} people={people('Ben')} />)
    expect(container.querySelector('img')).toBeNull()
    expect(container.querySelector('i')).toBeNull()
    expect(container.querySelector('a')).toBeNull()
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">')
  })
})
