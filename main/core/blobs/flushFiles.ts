import { execFile, spawn, type ChildProcess } from 'node:child_process'
import fsp from 'node:fs/promises'
import os from 'node:os'
import { syncDir } from '../store/snapshot.js'

/**
 * Making many new files durable at once (docs/imports.md). One fsync per file costs a wait
 * for that file's writes and a journal commit each: 20,000 small files took about 9 s that
 * way here, against 0.5 s for one `syncfs` of the whole file system, which writes everything
 * back in one pass and commits once (what `sync -f` does after `cp -r`). Node has no syncfs
 * call, so it is made by coreutils' `sync -f`, where that is known to be sound; everywhere
 * else each file is fsynced.
 */

/** Local Linux file systems whose syncfs writes back every dirty file and commits its journal. */
const SYNCFS_TYPES = new Set([
  0xef53, // ext2, ext3, ext4
  0x58465342, // xfs
  0x9123683e, // btrfs
  0xf2f52010, // f2fs
  0x01021994, // tmpfs (nothing to write back)
])

/**
 * Before Linux 5.8, syncfs returned success even when a write-back failed; from 5.8 it reports
 * the error, so a failed flush fails the batch instead of passing as durable.
 */
function kernelReportsErrors(): boolean {
  const [major, minor] = os.release().split('.').map(Number)
  return major > 5 || (major === 5 && minor >= 8)
}

let syncCommandWorks = process.platform === 'linux' && kernelReportsErrors()
/** Folder → whether its file system takes syncfs. */
const fileSystemKnown = new Map<string, boolean>()

/** Tests turn syncfs off to run the per-file path. */
export function useFileSystemSync(enabled: boolean): void {
  syncCommandWorks = enabled && process.platform === 'linux' && kernelReportsErrors()
  fileSystemKnown.clear()
}

async function takesSyncfs(dir: string): Promise<boolean> {
  if (!syncCommandWorks) return false
  let known = fileSystemKnown.get(dir)
  if (known === undefined) {
    known = await fsp.statfs(dir).then(
      (s) => SYNCFS_TYPES.has(s.type),
      () => false,
    )
    fileSystemKnown.set(dir, known)
  }
  return known
}

/**
 * Runs `sync -f` for this process from a small shell kept for the purpose. Spawning `sync`
 * from here forks this process, whose size made each fork cost about 100 ms of the main
 * thread on a loaded machine (1.4 s of a 1 GB import's 7 s), time in which the copy threads
 * were given no work; the shell forks only itself. It is started on first use and holds
 * nothing open between flushes: idle, it keeps no event loop alive.
 */
class SyncShell {
  private child: ChildProcess | null = null
  private readonly waiting: ((ok: boolean) => void)[] = []
  private pending = ''
  /** Set when the shell could not be started or died: flushes spawn `sync` again. */
  broken = false

  run(dir: string): Promise<boolean> {
    const child = (this.child ??= this.start())
    return new Promise((resolve) => {
      this.waiting.push(resolve)
      this.hold(true)
      child.stdin!.write(`${dir}\n`)
    })
  }

  private start(): ChildProcess {
    // One line in, one answer out, in order; the exit status of `sync -f` is the answer.
    const script = 'while IFS= read -r d; do if sync -f -- "$d"; then echo ok; else echo fail; fi; done'
    const child = spawn('/bin/sh', ['-c', script], { stdio: ['pipe', 'pipe', 'ignore'], windowsHide: true })
    child.stdout!.setEncoding('utf8')
    child.stdout!.on('data', (text: string) => {
      this.pending += text
      let end: number
      while ((end = this.pending.indexOf('\n')) >= 0) {
        const answer = this.pending.slice(0, end)
        this.pending = this.pending.slice(end + 1)
        this.waiting.shift()?.(answer === 'ok')
        if (this.waiting.length === 0) this.hold(false)
      }
    })
    const lost = () => {
      if (this.child !== child) return
      this.child = null
      this.broken = true
      // Nothing is promised for what was waiting: those flushes fall back to fsyncs.
      for (const resolve of this.waiting.splice(0)) resolve(false)
    }
    child.on('error', lost)
    child.on('exit', lost)
    child.stdin!.on('error', lost)
    return child
  }

  /** Keeps the process alive while an answer is awaited, and only then. */
  private hold(busy: boolean): void {
    const child = this.child
    if (!child) return
    const streams = [child.stdin, child.stdout] as unknown as { ref?(): void; unref?(): void }[]
    if (busy) {
      child.ref()
      for (const s of streams) s.ref?.()
    } else {
      child.unref()
      for (const s of streams) s.unref?.()
    }
  }
}

const shell = new SyncShell()

/** One syncfs of the file system holding `dir`; false when it could not be run (then nothing is promised). */
async function syncfs(dir: string): Promise<boolean> {
  const ok = !shell.broken && !dir.includes('\n') ? await shell.run(dir) : await syncCommand(dir)
  // No sync command, or one without -f: fsync file by file from now on. A write-back error
  // also lands here; the fsyncs that follow report it for the files it concerns.
  if (!ok) syncCommandWorks = false
  return ok
}

function syncCommand(dir: string): Promise<boolean> {
  return new Promise((resolve) => execFile('sync', ['-f', dir], { windowsHide: true }, (error) => resolve(!error)))
}

/** Fsyncs at once: enough to keep the disk busy, few enough to leave libuv's four threads for the rest. */
const FSYNCS_AT_ONCE = 3

async function fsyncEach(paths: string[], fsyncOne: (p: string) => Promise<void>): Promise<void> {
  let next = 0
  const lane = async () => {
    while (next < paths.length) await fsyncOne(paths[next++])
  }
  await Promise.all(Array.from({ length: Math.min(FSYNCS_AT_ONCE, paths.length) }, lane))
}

async function fsyncFile(file: string): Promise<void> {
  const handle = await fsp.open(file, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Makes the contents of `files`, all in folder `dir`, durable. */
export async function flushFiles(dir: string, files: string[]): Promise<void> {
  if (files.length === 0) return
  if ((await takesSyncfs(dir)) && (await syncfs(dir))) return
  await fsyncEach(files, fsyncFile)
}

/** Makes the entries of `folders` (renames into them) durable; `root` is a folder on the same file system. */
export async function flushFolders(root: string, folders: Set<string>): Promise<void> {
  if (folders.size === 0) return
  if ((await takesSyncfs(root)) && (await syncfs(root))) return
  await fsyncEach([...folders], syncDir)
}
