import type { ReactNode } from 'react'
import type { Dialog, DialogKind, DialogOf } from '../../store/index.js'

/**
 * How a feature draws each of its dialog kinds (store/dialogs.ts). A feature's map is checked
 * with `satisfies Partial<DialogRenderers>`; the host joins them into one `DialogRenderers`, so a
 * kind nobody draws is a type error. A key per dialog's subject starts a dialog opened for
 * something else afresh.
 */
export type DialogRenderers = { [K in DialogKind]: (dialog: DialogOf<K>) => ReactNode }

export function renderDialog(renderers: DialogRenderers, dialog: Dialog): ReactNode {
  return (renderers[dialog.kind] as (dialog: Dialog) => ReactNode)(dialog)
}
