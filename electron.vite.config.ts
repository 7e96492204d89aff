import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import rendererConfig from './vite.renderer.config.js'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

/**
 * Scripts the core starts as child processes or worker threads by a path next to its own module
 * (`new URL('./x.child.mjs', import.meta.url)`): bundled into out/main/index.js, that module
 * is out/main, so the script must be there too.
 */
function childScripts(files: string[]): Plugin {
  return {
    name: 'trove-child-scripts',
    generateBundle() {
      for (const file of files) this.emitFile({ type: 'asset', fileName: file.split('/').pop()!, source: fs.readFileSync(here(file)) })
    },
  }
}

/**
 * The desktop build: main and preload from main/electron, and the same renderer bundle as
 * browser mode (vite.renderer.config.ts), into out/.
 */
export default defineConfig({
  main: {
    plugins: [childScripts(['./main/core/extensions/removeBackground.child.mjs', './main/core/media/pdfRender.worker.mjs', './main/core/blobs/copyIn.worker.mjs', './main/core/store/columnRead.worker.mjs'])],
    build: {
      outDir: here('./out/main'),
      lib: { entry: here('./main/electron/index.ts') },
      sourcemap: true,
    },
  },
  preload: {
    build: {
      outDir: here('./out/preload'),
      // A sandboxed preload cannot load modules: CommonJS, with the contract bundled in.
      lib: { entry: here('./main/electron/preload.ts'), formats: ['cjs'], fileName: () => 'preload.cjs' },
      externalizeDeps: false,
      sourcemap: true,
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      rollupOptions: { input: here('./renderer/index.html') },
    },
  },
})
