import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { RENDERER_OUT_DIR } from './server.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const RENDERER_CONFIG = path.join(ROOT, 'vite.renderer.config.ts')
/** What the renderer bundle is made from: its own sources, the shared contract, and the config. */
const SOURCES = [path.join(ROOT, 'renderer'), path.join(ROOT, 'shared'), RENDERER_CONFIG]

function newestMtime(target: string): number {
  let stat: fs.Stats
  try {
    stat = fs.statSync(target)
  } catch {
    return 0
  }
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)))
  return newest
}

export function rendererIsStale(outDir = RENDERER_OUT_DIR): boolean {
  let built: number
  try {
    built = fs.statSync(path.join(outDir, 'index.html')).mtimeMs
  } catch {
    return true
  }
  return SOURCES.some((s) => newestMtime(s) > built)
}

/**
 * Builds the renderer when it is missing or older than its sources. The bundle is built
 * beside the old one and swapped in, so a server already serving it never sees half a build.
 */
export async function ensureRendererBuilt(options: { force?: boolean; outDir?: string } = {}): Promise<{ built: boolean }> {
  const outDir = options.outDir ?? RENDERER_OUT_DIR
  if (!options.force && !rendererIsStale(outDir)) return { built: false }
  const { build } = await import('vite')
  const staging = `${outDir}.building-${process.pid}-${Date.now()}`
  try {
    await build({ configFile: RENDERER_CONFIG, logLevel: 'warn', build: { outDir: staging, emptyOutDir: true } })
    fs.rmSync(outDir, { recursive: true, force: true })
    fs.renameSync(staging, outDir)
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
  return { built: true }
}
