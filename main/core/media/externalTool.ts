import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

const require = createRequire(import.meta.url)

export type ToolName = 'ffmpeg' | 'ffprobe'

const PACKAGES: Record<ToolName, string> = { ffmpeg: '@ffmpeg-installer/ffmpeg', ffprobe: '@ffprobe-installer/ffprobe' }
const found = new Map<ToolName, string>()

/**
 * The binary that the platform's optional npm package ships (nothing is downloaded at install
 * or run time). In the packaged app it sits beside the asar, in `app.asar.unpacked`, since the
 * system cannot run a file from inside the archive (electron-builder.yml unpacks it). npm runs
 * no install scripts here (.npmrc), so the package's own `chmod u+x` may not have run: the
 * binary is made executable in place, or, where the install is read-only, copied once into a
 * temp folder that is.
 */
export function toolPath(name: ToolName): string {
  const known = found.get(name)
  if (known) return known
  let file: string
  try {
    file = (require(PACKAGES[name]) as { path: string }).path
  } catch (error) {
    throw new Error(`${name} is not available on this platform (${String((error as Error)?.message ?? error)}).`)
  }
  file = file.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`)
  const runnable = executable(file)
  found.set(name, runnable)
  return runnable
}

function executable(file: string): string {
  if (process.platform === 'win32' || canRun(file)) return file
  try {
    fs.chmodSync(file, 0o755)
    return file
  } catch {
    const stat = fs.statSync(file)
    const copy = path.join(os.tmpdir(), `trove-tools-${process.getuid?.() ?? 'user'}`, `${path.basename(file)}-${stat.size}-${Math.round(stat.mtimeMs)}`)
    if (!canRun(copy)) {
      fs.mkdirSync(path.dirname(copy), { recursive: true, mode: 0o700 })
      const tmp = `${copy}.${process.pid}.tmp`
      fs.copyFileSync(file, tmp)
      fs.chmodSync(tmp, 0o755)
      fs.renameSync(tmp, copy)
    }
    return copy
  }
}

function canRun(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return true
  } catch {
    return false
  }
}

export interface ToolResult {
  stdout: Buffer
  stderr: string
}

/** Output larger than this is a broken file talking, not a frame or a probe. */
const MAX_OUTPUT = 64 * 1024 * 1024

/**
 * Runs a bundled tool to its end with a time limit: a file that makes it loop or stall is
 * killed (SIGKILL) at `timeoutMs` and reported, so a corrupt video never holds a slot for good.
 */
export function runTool(name: ToolName, args: string[], options: { timeoutMs: number; signal?: AbortSignal }): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(toolPath(name), args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true })
    const out: Buffer[] = []
    let outBytes = 0
    let stderr = ''
    let ended = false
    const finish = (error: Error | null) => {
      if (ended) return
      ended = true
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', onAbort)
      if (error) {
        child.kill('SIGKILL')
        reject(error)
      } else resolve({ stdout: Buffer.concat(out), stderr })
    }
    const timer = setTimeout(() => finish(new Error(`${name} took longer than ${Math.round(options.timeoutMs / 1000)} s and was stopped`)), options.timeoutMs)
    const onAbort = () => finish(new Error(`${name} was cancelled`))
    options.signal?.addEventListener('abort', onAbort)
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length
      if (outBytes > MAX_OUTPUT) finish(new Error(`${name} wrote more than ${MAX_OUTPUT} bytes`))
      else out.push(chunk)
    })
    child.stderr.on('data', (chunk: Buffer) => {
      // Only the end is kept: the reason for a failure is in the last lines.
      stderr = (stderr + chunk.toString()).slice(-8192)
    })
    child.on('error', (error) => finish(error))
    child.on('close', (code, sig) => {
      if (code === 0) finish(null)
      else finish(new Error(`${name} failed (${sig ?? `exit ${code}`}): ${lastLine(stderr)}`))
    })
  })
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n').filter(Boolean)
  return lines[lines.length - 1] ?? 'no message'
}
