/** @module A one-line alert next to the form or board that caused it; read out when it appears. */
import { IconButton } from '../../ui/Button.tsx'
import { Icon } from '../../ui/Icon.tsx'

export function InlineAlert({ message, onDismiss }: { message: string | null; onDismiss?: () => void }) {
  if (message === null) return null
  return (
    <div className="board-alert" role="alert">
      <Icon name="alert" size={14} />
      <span className="board-alert__text">{message}</span>
      {onDismiss && <IconButton label="Dismiss" icon={<Icon name="close" size={14} />} size="sm" onClick={onDismiss} />}
    </div>
  )
}
