/** @module First start: registers the demo workspace and returns its links for the console. */
import { randomId } from '../../shared/doc/index.ts'
import { workspaceLinks } from '../auth/links.ts'
import type { WorkspaceLinks } from '../auth/links.ts'
import type { Services } from '../services.ts'
import { seedDemoWorkspace } from './demoWorkspace.ts'

export const DEMO_NAME = 'Roundtable demo'

export async function createDemoWorkspace(services: Services, baseUrl: string): Promise<WorkspaceLinks> {
  const id = randomId()
  const now = services.now()
  await services.docs.withDoc(id, (doc) => seedDemoWorkspace(doc, DEMO_NAME, now))
  const meta = await services.registry.create(id, DEMO_NAME, now)
  return workspaceLinks(services.secret, meta, baseUrl)
}
