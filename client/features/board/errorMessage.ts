/** @module The words to show for a failed action: a CommandError says why; anything else is generic. */
import { CommandError } from '../../../shared/doc/index.ts'

export function errorMessage(err: unknown): string {
  if (err instanceof CommandError) return err.message
  if (err instanceof Error && err.message) return `Something went wrong: ${err.message}`
  return 'Something went wrong.'
}
