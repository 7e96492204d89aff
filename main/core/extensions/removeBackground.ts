import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { AppError } from '../../../shared/errors.js'
import type { JobContext, JobProgress } from '../jobs/runner.js'
import { forkChild, type LaunchChild } from './childProcess.js'

const CHILD = fileURLToPath(new URL('./removeBackground.child.mjs', import.meta.url))

/** The model the package ships: 'medium' is the better cut-out; 'small' is quicker and lighter. */
export type BackgroundModel = 'small' | 'medium'

/**
 * The model's progress as a person reads it. It reports the bytes of each model file it reads
 * ("fetch:…", file by file), then the steps of its work ("compute:…"): the first is "Loading the
 * model" with how far the reading of all the files seen so far is, the second "Working", with no
 * total (its steps say nothing of time). The count never goes back, as a job's progress may not.
 */
export function backgroundProgress(): (m: { key?: string; current?: number; total?: number }) => JobProgress {
  const files = new Map<string, { current: number; total: number }>()
  let done = 0
  return (m) => {
    if (m.key?.startsWith('fetch:') && m.total) {
      files.set(m.key, { current: Math.min(m.current ?? 0, m.total), total: m.total })
      let total = 0
      let read = 0
      for (const f of files.values()) {
        total += f.total
        read += f.current
      }
      done = Math.max(done, read)
      return { stage: 'Loading the model', done, total: Math.max(total, done) }
    }
    return { stage: 'Working', done, total: 0 }
  }
}

/**
 * A PNG of the image with its background made transparent, computed offline by the
 * @imgly model in a child process (so the app stays responsive and a cancel kills it).
 */
export async function removeBackgroundToPng(
  input: string,
  mime: string,
  jc: JobContext,
  model: BackgroundModel = 'medium',
  launch: LaunchChild = forkChild,
): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trove-bg-'))
  const output = path.join(dir, 'out.png')
  try {
    await new Promise<void>((resolve, reject) => {
      const child = launch(CHILD, [input, mime, output, model])
      let failure = ''
      const progress = backgroundProgress()
      child.stderr?.on('data', (d: Buffer) => (failure = (failure + d.toString()).slice(-2000)))
      child.onMessage((message) => {
        const m = message as { type: string; key?: string; current?: number; total?: number; message?: string }
        if (m.type === 'progress') jc.progress(progress(m))
        if (m.type === 'error') failure = m.message ?? failure
      })
      const abort = () => child.kill()
      jc.signal.addEventListener('abort', abort, { once: true })
      child.onExit((code) => {
        jc.signal.removeEventListener('abort', abort)
        if (jc.signal.aborted) reject(new AppError('CANCELLED', 'Background removal was cancelled.'))
        else if (code === 0 && fs.existsSync(output)) resolve()
        else reject(new AppError('INTERNAL', `Background removal failed: ${failure.trim().split('\n').pop() || `exit code ${code}`}`))
      })
    })
    return fs.readFileSync(output)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
