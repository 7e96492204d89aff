import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { AppError } from '../../../shared/errors.js'
import type { JobContext } from '../jobs/runner.js'
import { forkChild, type LaunchChild } from './childProcess.js'

const CHILD = fileURLToPath(new URL('./removeBackground.child.mjs', import.meta.url))

/** The model the package ships: 'medium' is the better cut-out; 'small' is quicker and lighter. */
export type BackgroundModel = 'small' | 'medium'

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
      child.stderr?.on('data', (d: Buffer) => (failure = (failure + d.toString()).slice(-2000)))
      child.onMessage((message) => {
        const m = message as { type: string; current?: number; total?: number; message?: string }
        if (m.type === 'progress' && m.total) jc.progress({ done: Math.min(m.current ?? 0, m.total), total: m.total })
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
