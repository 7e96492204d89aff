import '../support/dom.js'
import { cleanup, render } from '@testing-library/react'
import type { JobView } from '../../../shared/views.js'
import { DialogHost } from '../../../renderer/components/dialogs/DialogHost.js'
import { ErrorToasts } from '../../../renderer/components/ErrorToasts.js'
import { Notices } from '../../../renderer/components/Notices.js'
import { resetStore, useTrove, type Dialog } from '../../../renderer/store/index.js'
import { connectLive } from '../../../renderer/store/live.js'
import { mockApi, type Handlers } from '../support/mockApi.js'
import { ADA, sessionOf } from '../support/views.js'

/** A job as main describes it, running for Ada unless told otherwise. */
export function job(id: string, extra: Partial<JobView> = {}): JobView {
  return { id, kind: 'zip', title: `Download ${id}.zip`, ownerId: ADA.id, state: 'running', done: 0, total: 0, createdAt: 1_700_000_000_000, ...extra }
}

let disconnect: (() => void) | null = null

/**
 * Ada signed in, the app's event wiring connected (so job events reach the store as they
 * do in the app), and one dialog open in the dialog host beside the error toasts and notices.
 */
export function openDialog(dialog: Dialog, handlers: Partial<Handlers>, options: { desktop?: boolean } = {}) {
  const api = mockApi({ 'jobs.list': () => [], ...handlers }, options)
  useTrove.setState({ session: sessionOf(ADA), status: 'ready' })
  disconnect = connectLive()
  useTrove.getState().openDialog(dialog)
  const view = render(
    <>
      <DialogHost />
      <ErrorToasts />
      <Notices />
    </>,
  )
  return { api, ...view }
}

export function tearDown(): void {
  cleanup()
  disconnect?.()
  disconnect = null
  resetStore()
}

/** A promise the test settles when it wants the handler to answer (main still working meanwhile). */
export function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}
