import { TABLE_NAMES, type TableName } from '../../../shared/domain.js'

/**
 * Checks of the shape of what the store reads back from disk. Records are trusted in their
 * fields (they were validated when written); what is checked is what the store itself needs
 * to hold them: a damaged file must be refused as damaged (so that a backup is offered), not
 * fail later with a TypeError deep inside. Each returns a description of the first problem,
 * or null.
 */

const TABLES = new Set<string>(TABLE_NAMES)

export function isTableName(name: unknown): name is TableName {
  return typeof name === 'string' && TABLES.has(name)
}

export function recordProblem(record: unknown): string | null {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return `a record is ${describe(record)}, not an object`
  const id = (record as { id?: unknown }).id
  if (typeof id !== 'string' || id === '') return `a record has ${id === undefined ? 'no id' : `the id ${describe(id)}`}`
  return null
}

export function changeProblem(change: unknown): string | null {
  if (typeof change !== 'object' || change === null || Array.isArray(change)) return `the change is ${describe(change)}, not an object`
  const c = change as Record<string, unknown>
  if (!Number.isSafeInteger(c.seq) || (c.seq as number) < 1) return `the change has the seq ${describe(c.seq)}`
  if (typeof c.at !== 'number') return `change ${c.seq} has no time`
  if (typeof c.op !== 'string') return `change ${c.seq} has no op`
  if (c.actor !== null && typeof c.actor !== 'string') return `change ${c.seq} has the actor ${describe(c.actor)}`
  if (typeof c.put !== 'object' || c.put === null || Array.isArray(c.put)) return `change ${c.seq} has no put`
  for (const [table, rows] of Object.entries(c.put)) {
    if (!isTableName(table)) return `change ${c.seq} puts into the unknown table ${JSON.stringify(table)}`
    if (!Array.isArray(rows)) return `change ${c.seq} puts ${describe(rows)} into ${table}`
    for (const row of rows) {
      const problem = recordProblem(row)
      if (problem) return `change ${c.seq} puts into ${table}: ${problem}`
    }
  }
  if (!Array.isArray(c.del)) return `change ${c.seq} has no del`
  for (const pair of c.del) {
    if (!Array.isArray(pair) || pair.length !== 2 || !isTableName(pair[0]) || typeof pair[1] !== 'string') {
      return `change ${c.seq} deletes ${describe(pair)}`
    }
  }
  return null
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}
