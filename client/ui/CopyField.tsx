/** @module A read-only value (a link) with a Copy button that says when it worked. */
import { useEffect, useId, useState } from 'react'
import { Button } from './Button.tsx'
import { Icon } from './Icon.tsx'

export interface CopyFieldProps {
  /** Visible label; the Copy button's accessible name is "Copy <label>". */
  readonly label: string
  readonly value: string
  readonly hint?: string
}

export function CopyField({ label, value, hint }: CopyFieldProps) {
  const id = useId()
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    if (!copied) return
    const timer = setTimeout(() => setCopied(false), 1600)
    return () => clearTimeout(timer)
  }, [copied])
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setCopied(true)
    } catch {
      // No clipboard permission (an insecure origin, say): select the text so Ctrl+C works.
      const input = document.getElementById(id) as HTMLInputElement | null
      input?.select()
    }
  }
  return (
    <div className="field copy-field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-field__row">
        <input id={id} className="input copy-field__input" readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <Button aria-label={`Copy ${label.toLowerCase()}`} onClick={() => void copy()}>
          <Icon name={copied ? 'check' : 'link'} />
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
      {hint && <span className="field__hint">{hint}</span>}
      <span className="visually-hidden" role="status">
        {copied ? 'Copied to the clipboard' : ''}
      </span>
    </div>
  )
}
