/**
 * @module The workspace's People, read before I have said who I am, so the identity prompt can
 * offer "that's me". A short-lived connection (the same provider and offline copy the workspace
 * uses) that writes nothing and is closed as soon as the prompt is answered.
 */
import { useEffect, useState } from 'react'
import { snapshot, subscribe } from '../../../shared/doc/index.ts'
import type { Person } from '../../../shared/model/index.ts'
import { connectWorkspace } from '../../sync/connectWorkspace.ts'

export interface PeopleProbe {
  readonly people: readonly Person[]
  /** True until the server answered (or the connection failed and the offline copy is all there is). */
  readonly loading: boolean
}

export function usePeopleProbe(workspaceId: string, token: string, enabled: boolean): PeopleProbe {
  const [probe, setProbe] = useState<PeopleProbe>({ people: [], loading: enabled })
  useEffect(() => {
    if (!enabled) return
    const connection = connectWorkspace({ workspaceId, token })
    const read = () =>
      setProbe({
        people: [...snapshot(connection.doc).people.values()].sort((a, b) => a.name.localeCompare(b.name)),
        loading: connection.status().status === 'connecting',
      })
    const stopDoc = subscribe(connection.doc, read)
    const stopStatus = connection.subscribeStatus(read)
    read()
    return () => {
      stopDoc()
      stopStatus()
      connection.destroy()
    }
  }, [workspaceId, token, enabled])
  return probe
}
