/**
 * @module Defensive readers of stored values. Any peer can write anything into a Y.Map, so every
 * field is checked on the way out and falls back to a safe default instead of throwing.
 */
import * as Y from 'yjs'
import { isId } from '../model/index.ts'

type Fields = Y.Map<unknown> | Readonly<Record<string, unknown>>

function get(source: Fields, key: string): unknown {
  return source instanceof Y.Map ? source.get(key) : source[key]
}

export function str(source: Fields, key: string, fallback = ''): string {
  const value = get(source, key)
  if (typeof value === 'string') return value
  if (value instanceof Y.Text) return value.toString()
  return fallback
}

export function optStr(source: Fields, key: string): string | null {
  const value = get(source, key)
  return typeof value === 'string' ? value : null
}

export function num(source: Fields, key: string, fallback: number): number {
  const value = get(source, key)
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

export function optNum(source: Fields, key: string): number | null {
  const value = get(source, key)
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

export function optId<T extends string>(source: Fields, key: string): T | null {
  const value = get(source, key)
  return isId(value) ? (value as T) : null
}

export function oneOf<T extends string>(source: Fields, key: string, values: readonly T[], fallback: T): T {
  const value = get(source, key)
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : fallback
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

export function optDate(source: Fields, key: string): string | null {
  const value = get(source, key)
  return typeof value === 'string' && DATE.test(value) ? value : null
}

export function strings(source: Fields, key: string): readonly string[] {
  const value = get(source, key)
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}

export function ids<T extends string>(source: Fields, key: string): readonly T[] {
  const value = get(source, key)
  return Array.isArray(value) ? (value.filter(isId) as T[]) : []
}

/** A plain object stored as a Y.Map value, or undefined. */
export function obj(source: Fields, key: string): Readonly<Record<string, unknown>> | undefined {
  const value = get(source, key)
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Y.AbstractType)
    ? (value as Record<string, unknown>)
    : undefined
}

export function asFields(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Y.AbstractType)
    ? (value as Record<string, unknown>)
    : undefined
}

/** The plain-object entries of a Y.Map nested under `key` (a record's own small log), by id. */
export function nestedEntries(source: Fields, key: string): Array<readonly [string, Readonly<Record<string, unknown>>]> {
  const value = get(source, key)
  const out: Array<readonly [string, Readonly<Record<string, unknown>>]> = []
  if (value instanceof Y.Map) {
    value.forEach((entry, id) => {
      const fields = asFields(entry)
      if (fields !== undefined) out.push([id, fields])
    })
  }
  return out
}
