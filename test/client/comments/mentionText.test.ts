/** The comment box's mentions: typed query, matching people, display text <-> stored tokens. */
import { describe, expect, it } from 'vitest'
import { matchPeople, mentionQuery, toDisplay, toStored } from '../../../client/features/comments/mentionText.ts'
import type { PersonId } from '../../../shared/model/index.ts'

const people = [{ name: 'Ada Lovelace' }, { name: 'Ben Ng' }, { name: 'Bea Adams' }, { name: 'Cy' }]

describe('mention text', () => {
  it('finds the mention being typed before the caret', () => {
    expect(mentionQuery('Hi @Be', 6)).toEqual({ start: 3, query: 'Be' })
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' })
    expect(mentionQuery('mail a@b', 8)).toBeNull()
    expect(mentionQuery('@Ben\nok', 7)).toBeNull()
  })

  it('matches names that start with the query, then a later word', () => {
    expect(matchPeople(people, 'b').map((p) => p.name)).toEqual(['Ben Ng', 'Bea Adams'])
    expect(matchPeople(people, 'ad').map((p) => p.name)).toEqual(['Ada Lovelace', 'Bea Adams'])
    expect(matchPeople(people, '')).toHaveLength(4)
  })

  it('stores picked names as tokens and shows tokens as names, so a rename shows the new name', () => {
    const picked = new Map([['Ben Ng', 'ben' as PersonId], ['Ben', 'other' as PersonId]])
    expect(toStored('@Ben Ng and @Ben, not @Cy', picked)).toBe('@[ben] and @[other], not @Cy')
    const names = new Map([['ben', 'Benjamin Ng']])
    const shown = toDisplay('ask @[ben] or @[gone]', (id) => names.get(id))
    expect(shown.text).toBe('ask @Benjamin Ng or @[gone]')
    expect(toStored(shown.text, shown.picked)).toBe('ask @[ben] or @[gone]')
  })
})
