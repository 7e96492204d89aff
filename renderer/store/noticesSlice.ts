import type { StateCreator } from 'zustand'
import type { TroveState } from './types.js'
import { onReset } from './resets.js'

/** A short word on what just happened, with Undo where it can be undone. */
export interface Notice {
  id: number
  message: string
  undoable: boolean
}

interface UndoEntry {
  noticeId: number
  message: string
  undo(): Promise<unknown>
}

/** Notices on screen at once: older ones give way. */
const MAX_NOTICES = 3
/** The user's own actions this window can still undo with Ctrl/Cmd+Z, newest last. */
const MAX_UNDO = 20
let nextNoticeId = 1

export interface NoticesSlice {
  notices: Notice[]
  undoStack: UndoEntry[]
  /** Says what happened; `undo` puts it back (the notice then offers Undo, and Ctrl/Cmd+Z reaches it). */
  notify(message: string, undo?: () => Promise<unknown>): void
  dismissNotice(id: number): void
  /** Undoes the action a notice tells of, once. */
  undoNotice(id: number): Promise<void>
  /** Undoes the user's last own action in this window that can still be undone. */
  undoLast(): Promise<void>
}

export const noticesInitial = { notices: [], undoStack: [] } satisfies Partial<NoticesSlice>

export const createNoticesSlice: StateCreator<TroveState, [], [], NoticesSlice> = (set, get) => {
  onReset(() => set(noticesInitial))
  async function run(entry: UndoEntry): Promise<void> {
    set((s) => ({ undoStack: s.undoStack.filter((e) => e !== entry), notices: s.notices.filter((n) => n.id !== entry.noticeId) }))
    try {
      await entry.undo()
      get().notify(`Undone: ${entry.message}`)
    } catch (error) {
      get().reportError(error)
    }
  }

  return {
    ...noticesInitial,

    notify(message, undo) {
      const id = nextNoticeId++
      set((s) => ({
        notices: [...s.notices, { id, message, undoable: !!undo }].slice(-MAX_NOTICES),
        undoStack: undo ? [...s.undoStack, { noticeId: id, message, undo }].slice(-MAX_UNDO) : s.undoStack,
      }))
    },

    dismissNotice(id) {
      set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }))
    },

    async undoNotice(id) {
      const entry = get().undoStack.find((e) => e.noticeId === id)
      if (entry) await run(entry)
    },

    async undoLast() {
      const entry = get().undoStack.at(-1)
      if (entry) await run(entry)
    },
  }
}
