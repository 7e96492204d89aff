/** A dialog opened with nothing more than its kind. */
export type Plain = Record<never, never>

/**
 * The dialog kinds: each kind and what its dialog is opened with. A feature adds its own kinds
 * beside the components that draw them (`declare module '../../store/dialogs.js'` in, for example,
 * `components/collections/collectionDialogs.tsx`) and hands the dialog host their renderers, so no
 * file lists every feature's dialogs. The kinds here are the ones the store opens itself.
 */
export interface DialogKinds {
  /** A desktop import's plan, choice and report (importsSlice.ts). */
  import: Plain
  /** A name taken during an upload; the question is in the upload slice. */
  uploadClash: Plain
  /** The desktop menu's New Folder command (live.ts). */
  newFolder: Plain
}

export type DialogKind = keyof DialogKinds

/** One open dialog: its kind and what it was opened with. */
export type Dialog = { [K in DialogKind]: { kind: K } & DialogKinds[K] }[DialogKind]

export type DialogOf<K extends DialogKind> = Extract<Dialog, { kind: K }>
