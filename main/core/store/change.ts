import type { Id, TableName, Tables } from '../../../shared/domain.js'

/** Records to put, by table: a put replaces the whole record. */
export type Puts = { [T in TableName]?: Tables[T][] }
/** Records to delete, as [table, id] pairs. */
export type Dels = [TableName, Id][]

/** One committed change: one journal line, one event (docs/store.md). */
export interface Change {
  seq: number
  at: number
  /** The acting user (the viewed user during a view-as). */
  actor: Id | null
  op: string
  put: Puts
  del: Dels
}

export function changedTables(change: Pick<Change, 'put' | 'del'>): TableName[] {
  const names = new Set<TableName>(Object.keys(change.put) as TableName[])
  for (const [t] of change.del) names.add(t)
  return [...names]
}
