/**
 * @module Adds me to the workspace's People when I chose "Someone new" in the identity prompt.
 * It runs in a session of its own so that my first Ctrl+Z does not remove me again.
 */
import { useEffect } from 'react'
import { createPerson, openSession, snapshot } from '../../../shared/doc/index.ts'
import type { PersonId } from '../../../shared/model/index.ts'
import type { Workspace } from '../../sync/openWorkspace.ts'
import { takePendingPerson } from './pendingPerson.ts'

export function useClaimPerson(workspace: Workspace | null): void {
  useEffect(() => {
    if (!workspace?.canEdit || !workspace.identity.personId) return
    let cancelled = false
    // Wait for the offline copy, so a person already stored locally is not created twice.
    void workspace.connection.localReady.then(() => {
      if (cancelled) return
      const id = takePendingPerson(workspace.workspaceId)
      if (id === null || id !== workspace.identity.personId) return
      const doc = workspace.connection.doc
      if (snapshot(doc).people.has(id as PersonId)) return
      try {
        createPerson(openSession(doc, { actor: id as PersonId }), { id, name: workspace.identity.name })
      } catch {
        // A name the model refuses (it was checked in the prompt): presence still shows it.
      }
    })
    return () => {
      cancelled = true
    }
  }, [workspace])
}
