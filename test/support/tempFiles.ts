import fs from 'node:fs'

/** The temp files under a blob store's `tmp` (spread over subfolders), not the folders themselves. */
export function tempFilesIn(tmp: string): string[] {
  if (!fs.existsSync(tmp)) return []
  return fs.readdirSync(tmp, { recursive: true, withFileTypes: true }).filter((entry) => !entry.isDirectory()).map((entry) => entry.name)
}
