/** Events main pushes to a session (docs/architecture.md), filtered to what that session may see. */
import type { TableName } from '../domain.js'
import type { JobView } from '../views.js'

export interface Events {
  /**
   * Something committed that the receiving session may hear of: a restricted user hears only
   * of changes to what they can see (or could see before the change), with only those tables
   * and assets. `seq` counts the events this session was sent (1, 2, 3, ...): consecutive, so
   * a gap means a missed event, and saying nothing of changes elsewhere.
   */
  'library.changed': { seq: number; op: string; tables: TableName[]; assetIds: string[] }
  /** Who acts in this session changed (switch, view-as, role change, deletion). */
  'session.changed': { userId: string | null }
  /** A command from the desktop shell's menu for the renderer to carry out. */
  'app.command': { command: 'importFiles' | 'importFolder' | 'newFolder' | 'switchUser' | 'signOut' }
  /** A long job moved on (sent to the session that started it). */
  'jobs.progress': JobView
}
export type EventName = keyof Events
export const events: Record<EventName, true> = { 'library.changed': true, 'session.changed': true, 'app.command': true, 'jobs.progress': true }
export const eventNames = Object.keys(events) as EventName[]
