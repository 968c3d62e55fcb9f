/** @module "Share": the links to hand out (owners) or your own link (everyone else). */
import { useState } from 'react'
import { Button } from '../../ui/Button.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { ShareDialog } from './ShareDialog.tsx'

export function ShareButton() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        <Icon name="link" />
        Share
      </Button>
      {open && <ShareDialog onClose={() => setOpen(false)} />}
    </>
  )
}
