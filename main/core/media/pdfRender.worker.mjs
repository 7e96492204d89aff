// Renders PDF pages with MuPDF's WebAssembly build, off the main thread: a page can take
// hundreds of ms, and a malformed file can take forever, in which case the main thread
// terminates this worker (main/core/media/pdf.ts). Plain JavaScript, so that it runs as it is
// under Node, the tests and the packaged app alike.
import fs from 'node:fs'
import { parentPort } from 'node:worker_threads'
import * as mupdf from 'mupdf'

function open(file) {
  return mupdf.Document.openDocument(fs.readFileSync(file), 'application/pdf')
}

function info(file) {
  const doc = open(file)
  try {
    const pages = doc.countPages()
    if (pages < 1) throw new Error('the PDF has no pages')
    const page = doc.loadPage(0)
    const [x0, y0, x1, y1] = page.getBounds()
    return { pages, width: Math.round(x1 - x0), height: Math.round(y1 - y0) }
  } finally {
    doc.destroy()
  }
}

/**
 * Page `index` scaled so that its long side is `maxSide` pixels, or with `shortSide` so that
 * its short side is that (long side still at most `maxSide`), as RGB on a white background.
 */
function render(file, index, maxSide, shortSide) {
  const doc = open(file)
  try {
    const pages = doc.countPages()
    if (index >= pages) throw new Error(`the PDF has ${pages} page(s)`)
    const page = doc.loadPage(index)
    const [x0, y0, x1, y1] = page.getBounds()
    const long = Math.max(x1 - x0, y1 - y0, 1)
    const short = Math.max(Math.min(x1 - x0, y1 - y0), 1)
    const scale = shortSide ? Math.min(shortSide / short, maxSide / long) : maxSide / long
    const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true)
    const width = pixmap.getWidth()
    const height = pixmap.getHeight()
    const stride = pixmap.getStride()
    const samples = pixmap.getPixels()
    // Rows may be padded: the pixels are packed for the receiver.
    const pixels = Buffer.alloc(width * height * 3)
    for (let y = 0; y < height; y++) pixels.set(samples.subarray(y * stride, y * stride + width * 3), y * width * 3)
    pixmap.destroy()
    return { pages, width, height, pixels }
  } finally {
    doc.destroy()
  }
}

parentPort.on('message', (request) => {
  try {
    const result = request.op === 'info' ? info(request.file) : render(request.file, request.page ?? 0, request.maxSide, request.shortSide)
    parentPort.postMessage({ id: request.id, result }, result.pixels ? [result.pixels.buffer] : [])
  } catch (error) {
    parentPort.postMessage({ id: request.id, error: String(error?.message ?? error) })
  }
})
