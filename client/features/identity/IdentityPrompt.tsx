/**
 * @module "Who are you?", asked once per workspace before the board opens. Editors pick themselves
 * from the workspace's People (so their check-ins and cards are attributed) or add themselves;
 * viewers just give a name. The colour follows the name until the person picks one.
 */
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import type { Person } from '../../../shared/model/index.ts'
import { randomId } from '../../../shared/doc/index.ts'
import { COLORS, colorFor } from '../../sync/identity.ts'
import type { Identity } from '../../sync/identity.ts'
import { Avatar } from '../../ui/Avatar.tsx'
import { Button } from '../../ui/Button.tsx'
import { ColorSwatches } from '../../ui/ColorSwatches.tsx'
import { TextField } from '../../ui/Field.tsx'
import '../../ui/pages.css'
import './identity.css'

const COLOR_NAMES = ['Red', 'Orange', 'Yellow', 'Green', 'Teal', 'Blue', 'Violet', 'Pink']
const NEW = '__new__'

export interface IdentityPromptProps {
  readonly workspaceName: string
  readonly canEdit: boolean
  /** The workspace's People, for "that's me"; ignored for viewers. */
  readonly people: readonly Person[]
  /** The People list is still on its way from the server. */
  readonly loadingPeople?: boolean
  /** `isNewPerson`: the caller should add `identity.personId` to People. */
  readonly onDone: (identity: Identity, isNewPerson: boolean) => void
}

export function IdentityPrompt({ workspaceName, canEdit, people, loadingPeople = false, onDone }: IdentityPromptProps) {
  const titleId = useId()
  const [choice, setChoice] = useState<string>(NEW)
  const [typed, setTyped] = useState('')
  const [pickedColor, setPickedColor] = useState<string | null>(null)
  const offerPeople = canEdit && people.length > 0
  const person = offerPeople ? people.find((p) => p.id === choice) : undefined
  const name = (person ? person.name : typed).trim()
  const color = pickedColor ?? colorFor(name)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!name) return
    if (person) onDone({ name, color, personId: person.id }, false)
    else if (canEdit) onDone({ name, color, personId: randomId() }, true)
    else onDone({ name, color, personId: null }, false)
  }

  return (
    <div className="centered-page">
      <section className="sheet identity-prompt" role="dialog" aria-labelledby={titleId}>
        <h1 id={titleId} className="sheet__title">
          Join {workspaceName}
        </h1>
        <p className="sheet__lead">
          {canEdit
            ? 'Who are you? Your name and colour show the others what you are editing.'
            : 'What should the others see? Your name and colour show who is watching.'}
        </p>
        <form className="identity-prompt__form" onSubmit={submit}>
          {canEdit && loadingPeople && people.length === 0 && (
            <p className="shell-muted" role="status">
              Looking up the people in this workspace…
            </p>
          )}
          {offerPeople && (
            <fieldset className="person-picker">
              <legend className="field__label">I am…</legend>
              <div className="person-picker__list">
                {people.map((p) => (
                  <label key={p.id} className="person-picker__option">
                    <input type="radio" name="person" value={p.id} checked={choice === p.id} onChange={() => setChoice(p.id)} />
                    <span aria-hidden="true" className="person-picker__avatar">
                      <Avatar name={p.name} color={pickedColor ?? colorFor(p.name)} size="sm" />
                    </span>
                    {p.name}
                  </label>
                ))}
                <label className="person-picker__option">
                  <input type="radio" name="person" value={NEW} checked={choice === NEW} onChange={() => setChoice(NEW)} />
                  Someone new: add me to People
                </label>
              </div>
            </fieldset>
          )}
          {!person && (
            <TextField label="Your name" value={typed} onChange={(e) => setTyped(e.target.value)} maxLength={60} autoFocus required />
          )}
          <div className="field">
            <span className="field__label">Your colour</span>
            <ColorSwatches label="Your colour" colors={COLORS} names={COLOR_NAMES} value={color} onChange={setPickedColor} />
          </div>
          <div className="identity-prompt__footer">
            {name && <Avatar name={name} color={color} detail="you" />}
            <Button type="submit" variant="primary" disabled={!name}>
              Join
            </Button>
          </div>
        </form>
      </section>
    </div>
  )
}
