import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

/**
 * The renderer bundle, for browser mode (main/server serves out/renderer) and for the desktop
 * build, which reuses this config. `base: './'` keeps asset URLs relative, so the same files
 * load from a file URL, a custom protocol or the loopback server.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
})
