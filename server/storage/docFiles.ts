/**
 * @module Names of a document's files under the storage directory: `<docId>.json` (snapshot) and
 * `<docId>.<generation>.log` (update logs). Paths come from validated ids only.
 */
import { readdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { tempPathFor } from './atomicWrite.ts'

const DOC_ID = /^[A-Za-z0-9_-]{1,64}$/
/** Ids cannot contain a dot, so this split is unambiguous (`a.1.log` is never doc `a.1`'s file). */
const LOG_NAME = /^([A-Za-z0-9_-]{1,64})\.(\d{1,15})\.log$/

/**
 * Throws unless `docId` is 1-64 characters of `A-Z a-z 0-9 _ -`. Callers validate ids already;
 * this is defence in depth, because the id becomes part of a file path.
 */
export function assertDocId(docId: string): void {
  if (typeof docId !== 'string' || !DOC_ID.test(docId)) {
    throw new Error(`invalid document id ${JSON.stringify(String(docId)).slice(0, 80)}`)
  }
}

export function snapshotPath(dir: string, docId: string): string {
  return join(dir, `${docId}.json`)
}

export function logPath(dir: string, docId: string, generation: number): string {
  return join(dir, `${docId}.${generation}.log`)
}

/** The generations of `docId`'s log files present in `dir`, ascending. */
export async function listLogGenerations(dir: string, docId: string): Promise<number[]> {
  const generations: number[] = []
  for (const name of await readdir(dir)) {
    const match = LOG_NAME.exec(name)
    if (match !== null && match[1] === docId) generations.push(Number(match[2]))
  }
  return generations.sort((a, b) => a - b)
}

/** Removes `path`; a file that is already gone is fine. */
export async function removeFile(path: string): Promise<void> {
  try {
    await unlink(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}

/** Every file name `docId` may own in `dir`, for delete: snapshot, its temporary file, logs. */
export async function allDocFiles(dir: string, docId: string): Promise<string[]> {
  const snapshot = snapshotPath(dir, docId)
  const logs = (await listLogGenerations(dir, docId)).map((g) => logPath(dir, docId, g))
  return [snapshot, tempPathFor(snapshot), ...logs]
}
