/**
 * @module A comment's body as React elements, from the parsed blocks: text is text (React escapes
 * it), links are http(s)/mailto only and open in a new tab with rel="noopener noreferrer", and a
 * mention shows the person's current name.
 */
import type { ReactNode } from 'react'
import { parseCommentBody } from '../../../shared/doc/index.ts'
import type { Inline } from '../../../shared/doc/index.ts'
import type { Person, PersonId } from '../../../shared/model/index.ts'

export function CommentBody({ body, people }: { body: string; people: ReadonlyMap<PersonId, Person> }) {
  return (
    <div className="comment__text">
      {parseCommentBody(body).map((block, i) => {
        switch (block.kind) {
          case 'paragraph':
            return <p key={i}>{block.lines.map((line, j) => [j > 0 && <br key={`b${j}`} />, ...inlines(line, people, `${j}`)])}</p>
          case 'list': {
            const items = block.items.map((item, j) => <li key={j}>{inlines(item, people, `${j}`)}</li>)
            return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>
          }
          case 'code':
            return (
              <pre key={i}>
                <code>{block.text}</code>
              </pre>
            )
        }
      })}
    </div>
  )
}

function inlines(pieces: readonly Inline[], people: ReadonlyMap<PersonId, Person>, prefix: string): ReactNode[] {
  return pieces.map((piece, i) => {
    const key = `${prefix}.${i}`
    switch (piece.kind) {
      case 'text':
        return piece.text
      case 'code':
        return <code key={key}>{piece.text}</code>
      case 'bold':
        return <strong key={key}>{inlines(piece.children, people, key)}</strong>
      case 'link':
        return (
          <a key={key} href={piece.href} target="_blank" rel="noopener noreferrer">
            {inlines(piece.children, people, key)}
          </a>
        )
      case 'mention': {
        const name = people.get(piece.personId)?.name
        return (
          <span key={key} className="mention" data-person={piece.personId}>
            @{name ?? 'someone'}
          </span>
        )
      }
    }
  })
}
