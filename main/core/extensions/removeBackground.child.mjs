// Runs in its own process: the model takes about 1 GB and several seconds per image, and a
// process can be killed outright when the user cancels. Plain JavaScript, so it runs the
// same under Node, the test runner and Electron (ELECTRON_RUN_AS_NODE).
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { removeBackground } from '@imgly/background-removal-node'

const [input, mime, output, model] = process.argv.slice(2)
const require = createRequire(import.meta.url)
// The model ships inside the package's dist/ folder: nothing is fetched.
const dist = path.join(path.dirname(require.resolve('@imgly/background-removal-node')), path.sep)
// The library checks that its progress callback returns nothing, so no value may leak out.
const send = (message) => {
  process.send?.(message)
}
try {
  const result = await removeBackground(new Blob([fs.readFileSync(input)], { type: mime }), {
    publicPath: pathToFileURL(dist).href,
    model,
    output: { format: 'image/png', type: 'foreground' },
    progress: (key, current, total) => send({ type: 'progress', key, current, total }),
  })
  fs.writeFileSync(output, Buffer.from(await result.arrayBuffer()))
  send({ type: 'done' })
  process.exit(0)
} catch (error) {
  send({ type: 'error', message: error instanceof Error ? error.message : String(error) })
  process.exit(1)
}
