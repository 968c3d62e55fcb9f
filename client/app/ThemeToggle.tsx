/** @module Light/dark switch: a toggle button named "Dark theme", pressed when dark is on. */
import { IconButton } from '../ui/Button.tsx'
import { Icon } from '../ui/Icon.tsx'
import { useTheme } from './theme.ts'

export function ThemeToggle() {
  const { theme, toggle } = useTheme()
  return (
    <IconButton
      label="Dark theme"
      title={theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme'}
      aria-pressed={theme === 'dark'}
      icon={<Icon name={theme === 'dark' ? 'sun' : 'moon'} />}
      onClick={toggle}
    />
  )
}
