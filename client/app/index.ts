/** @module What features may use of the app: the REST client, known workspaces, the router, the theme and its toggle, useCommand. */
export { ExportFormat, createWorkspace, fetchExport, fetchLinks, rotateLinks } from './api.ts'
export type { CreatedWorkspace } from './api.ts'
export { forgetWorkspace, getKnownWorkspace, listKnownWorkspaces, rememberWorkspace, storedToken } from './knownWorkspaces.ts'
export { navigate } from './route.ts'
export { useTheme } from './theme.ts'
export { ThemeToggle } from './ThemeToggle.tsx'
export { useCommand } from './useCommand.ts'
export type { CommandRunner } from './useCommand.ts'
