import fs from 'node:fs'
import path from 'node:path'

/**
 * Runs `work` in a folder of its own under `root`, removed as soon as it is done, so the disk
 * holds one figure's files at a time and none pays for another's page cache.
 */
export async function inOwnFolder<T>(root: string, name: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = path.join(root, name)
  fs.mkdirSync(dir)
  try {
    return await work(dir)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
