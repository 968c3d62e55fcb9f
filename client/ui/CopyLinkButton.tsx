/**
 * @module "Copy link" for a key result or a card: copies the link and says so. A page served over
 * plain http from another machine may not write the clipboard; then the link shows beside the
 * button, selected, for Ctrl+C (the same way out as CopyField's).
 */
import { useEffect, useState } from 'react'
import { Button } from './Button.tsx'
import { Icon } from './Icon.tsx'

export interface CopyLinkButtonProps {
  readonly link: string
  /** Accessible name and tooltip: "Copy link to this key result", "Copy link to <task>". */
  readonly label: string
  /** Just the icon (in a header or on a card); otherwise the button reads "Copy link". */
  readonly iconOnly?: boolean
  /** `md` beside other full-size icon buttons (a panel's close button). */
  readonly size?: 'sm' | 'md'
  readonly className?: string
}

export function CopyLinkButton({ link, label, iconOnly = false, size = 'sm', className = '' }: CopyLinkButtonProps) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null)
  useEffect(() => {
    if (outcome !== 'copied') return
    const timer = setTimeout(() => setOutcome(null), 1600)
    return () => clearTimeout(timer)
  }, [outcome])
  // navigator.clipboard is undefined on an insecure origin: the throw lands in the same 'failed'.
  const copy = () =>
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(link))
      .then(() => setOutcome('copied'), () => setOutcome('failed'))
  return (
    <span className={`copy-link ${className}`}>
      <Button
        variant={iconOnly ? 'ghost' : 'default'}
        size={size}
        className={iconOnly ? 'icon-btn' : ''}
        aria-label={label}
        title={label}
        onClick={() => void copy()}
        onPointerDown={(e) => e.stopPropagation()}
      >
        <Icon name={outcome === 'copied' ? 'check' : 'link'} size={size === 'md' ? 16 : 14} />
        {!iconOnly && (outcome === 'copied' ? 'Copied' : 'Copy link')}
      </Button>
      <span className="visually-hidden" role="status">
        {outcome === 'copied' ? 'Link copied' : ''}
      </span>
      {outcome === 'failed' && (
        <input
          className="input copy-link__fallback"
          aria-label="Link: press Ctrl+C to copy it"
          readOnly
          value={link}
          autoFocus
          onFocus={(e) => e.currentTarget.select()}
          onBlur={() => setOutcome(null)}
          onKeyDown={(e) => e.key === 'Escape' && setOutcome(null)}
        />
      )}
    </span>
  )
}
