/**
 * Run by `npm start` before the build. Install scripts are off in .npmrc (the Electron
 * binary cannot be fetched everywhere), so the binary is fetched here, on first use, by
 * Electron's own installer. Where that is impossible, say so plainly and point at browser mode.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const electronDir = fileURLToPath(new URL('../node_modules/electron/', import.meta.url))

function installed() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true
  return fs.existsSync(path.join(electronDir, 'dist')) && fs.existsSync(path.join(electronDir, 'path.txt'))
}

function fail(reason) {
  console.error(`\nThe Electron binary could not be downloaded${reason ? ` (${reason})` : ''}.`)
  console.error('On a machine that can reach Electron\'s download host, `npm install` followed by `npm start` fetches it.')
  console.error('Meanwhile `npm run web` runs the same app in your browser.\n')
  process.exit(1)
}

if (!fs.existsSync(path.join(electronDir, 'package.json'))) fail('the electron package is not installed; run `npm install` first')
if (!installed()) {
  console.log('Fetching the Electron binary (first start only)…')
  const env = { ...process.env }
  // A leftover skip flag from `npm install` would make the installer do nothing.
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, env, stdio: 'inherit', timeout: 15 * 60_000 })
  if (result.error) fail(result.error.message)
  if (result.status !== 0 || !installed()) fail(result.signal ? `stopped by ${result.signal}` : 'the installer failed')
}
