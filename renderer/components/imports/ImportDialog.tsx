import { useId, useState } from 'react'
import { useTrove } from '../../store/index.js'
import type { ImportReport } from '../../../shared/contract/imports.js'
import type { ConflictPolicy } from '../../store/importsSlice.js'
import { useJob } from '../../store/jobSelectors.js'
import { Modal } from '../dialogs/Modal.js'
import { JobProgress } from '../jobs/JobProgress.js'
import { formatBytes } from '../labels.js'
import { PathList } from './PathList.js'
import '../jobs/jobs.css'

const POLICIES: { id: ConflictPolicy; label: string; hint: string }[] = [
  { id: 'keepBoth', label: 'Keep both', hint: 'The imported file gets a numbered name beside the existing one.' },
  { id: 'replace', label: 'Replace as a new version', hint: 'The imported file becomes the next version of the existing one; earlier versions stay restorable.' },
  { id: 'skip', label: 'Skip', hint: 'The existing file stays as it is and the imported one is left out.' },
]

const files = (n: number) => (n === 1 ? '1 file' : `${n.toLocaleString()} files`)
const folders = (n: number) => (n === 1 ? '1 folder' : `${n.toLocaleString()} folders`)

/** "6 files added, 1 existing file given a new version, 2 folders created (23 MB)." */
function importSummary(report: ImportReport): string {
  const parts = [`${files(report.imported)} added`]
  if (report.replaced > 0) parts.push(`${report.replaced === 1 ? '1 existing file' : `${report.replaced.toLocaleString()} existing files`} given a new version`)
  if (report.foldersCreated > 0) parts.push(`${folders(report.foldersCreated)} created`)
  return `${parts.join(', ')} (${formatBytes(report.bytes)}).`
}

/** The desktop import from disk (issue 6), from looking at what was chosen to what was skipped and why. */
export function ImportDialog() {
  const flow = useTrove((s) => s.importFlow)
  const target = useTrove((s) => (flow ? s.byId[flow.targetFolderId]?.name : undefined))
  const { closeImport, cancelImport, chooseImportPolicy } = useTrove.getState()
  const [policy, setPolicy] = useState<ConflictPolicy>('keepBoth')
  const ids = useId()
  const job = useJob(flow?.stage === 'running' ? flow.jobId : null)
  if (!flow) return null
  const into = target ? ` into ${target}` : ''

  return (
    <Modal title={flow.stage === 'choosing' ? 'Some names are already taken' : `Import${into}`} onClose={closeImport} className="modal-medium">
      {flow.stage === 'planning' && (
        <p className="dialog-status" role="status">
          Looking at what you chose…
        </p>
      )}

      {flow.stage === 'choosing' && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void chooseImportPolicy(policy)
          }}
        >
          <p>
            {files(flow.plan.files)} ({formatBytes(flow.plan.bytes)}) and {folders(flow.plan.folders)} to import{into}.{' '}
            {flow.plan.conflicts.length === 1 ? 'One has a name that is already taken:' : `${flow.plan.conflicts.length} have names that are already taken:`}
          </p>
          <PathList
            label="Name clashes"
            items={flow.plan.conflicts.map((c) => ({
              path: c.path,
              note: c.clashesWith ? `same name as ${c.clashesWith} but for case or Unicode form; that one goes to ${c.name}` : `already at ${c.name}`,
            }))}
          />
          {flow.plan.renamed.length > 0 && (
            <>
              <p className="field-hint">Names that are not valid UTF-8 on disk, to be imported under a repaired name ({files(flow.plan.renamed.length)}):</p>
              <PathList label="Will be renamed" items={flow.plan.renamed.map((r) => ({ path: r.path, note: `as ${r.name}` }))} />
            </>
          )}
          {flow.plan.skipped.length > 0 && (
            <>
              <p className="field-hint">{files(flow.plan.skipped.length)} cannot be imported and will be skipped:</p>
              <PathList label="Will be skipped" items={flow.plan.skipped.map((s) => ({ path: s.path, note: s.reason }))} />
            </>
          )}
          <fieldset className="choice-group">
            <legend>What should happen to the files whose names are taken?</legend>
            {POLICIES.map((p) => (
              <label key={p.id} className="choice">
                <input
                  type="radio"
                  name="policy"
                  value={p.id}
                  checked={policy === p.id}
                  onChange={() => setPolicy(p.id)}
                  aria-labelledby={`${ids}-${p.id}`}
                  aria-describedby={`${ids}-${p.id}-hint`}
                />
                <span id={`${ids}-${p.id}`}>{p.label}</span>
                <span className="choice-hint" id={`${ids}-${p.id}-hint`}>
                  {p.hint}
                </span>
              </label>
            ))}
          </fieldset>
          <div className="modal-actions">
            <button type="button" className="button" onClick={closeImport}>
              Cancel
            </button>
            <button type="submit" className="button button-primary">
              Import
            </button>
          </div>
        </form>
      )}

      {flow.stage === 'running' && (
        <>
          <JobProgress job={job} label="Import progress" />
          <p className="field-hint">You can close this window: the import goes on, and its progress stays in the jobs panel.</p>
          <div className="modal-actions">
            <button type="button" className="button" disabled={!job} onClick={() => void cancelImport()}>
              Cancel import
            </button>
            <button type="button" className="button button-primary" onClick={closeImport} autoFocus>
              Hide
            </button>
          </div>
        </>
      )}

      {flow.stage === 'done' && (
        <>
          <div className="summary-figures" role="status">
            <p>{importSummary(flow.report)}</p>
            {flow.report.skipped.length === 0 && <p className="field-hint">Nothing was skipped.</p>}
          </div>
          {flow.report.renamed.length > 0 && (
            <>
              <p className="field-hint">Names that are not valid UTF-8 on disk, imported under a repaired name ({files(flow.report.renamed.length)}):</p>
              <PathList label="Renamed" items={flow.report.renamed.map((r) => ({ path: r.path, note: `as ${r.name}` }))} />
            </>
          )}
          {flow.report.skipped.length > 0 && (
            <>
              <p className="field-hint">{files(flow.report.skipped.length)} skipped:</p>
              <PathList label="Skipped" items={flow.report.skipped.map((s) => ({ path: s.path, note: s.reason }))} />
            </>
          )}
          <div className="modal-actions">
            <button type="button" className="button button-primary" onClick={closeImport} autoFocus>
              Done
            </button>
          </div>
        </>
      )}

      {(flow.stage === 'failed' || flow.stage === 'cancelled') && (
        <>
          {flow.stage === 'failed' ? (
            <p className="field-error" role="alert">
              {flow.message}
            </p>
          ) : (
            <p role="status">The import was cancelled. The files it had finished copying stay in the library.</p>
          )}
          <div className="modal-actions">
            <button type="button" className="button" onClick={closeImport} autoFocus>
              Close
            </button>
          </div>
        </>
      )}
    </Modal>
  )
}
