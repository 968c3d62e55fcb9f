/** @module The open workspace, handed down the React tree. */
import { createContext } from 'react'
import type { Workspace } from './openWorkspace.ts'

export const WorkspaceContext = createContext<Workspace | null>(null)
