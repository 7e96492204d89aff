/** Families of generated pictures: an original and the copies people make of it (resized, re-encoded, slightly cropped). */
import sharp from 'sharp'

/** A repeatable pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A photo-like picture: a sky-to-ground gradient and a dozen shapes of random size, colour and place. */
export async function original(seed: number, width = 1200, height = 800): Promise<Buffer> {
  const r = random(seed)
  const colour = () => `rgb(${Math.floor(r() * 256)},${Math.floor(r() * 256)},${Math.floor(r() * 256)})`
  let shapes = ''
  for (let i = 0; i < 12; i++) {
    const x = r() * width
    const y = r() * height
    const s = (0.05 + r() * 0.25) * height
    shapes += r() < 0.5 ? `<circle cx="${x}" cy="${y}" r="${s}" fill="${colour()}"/>` : `<rect x="${x - s}" y="${y - s / 2}" width="${2 * s}" height="${s}" fill="${colour()}" transform="rotate(${Math.floor(r() * 90)} ${x} ${y})"/>`
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${colour()}"/><stop offset="1" stop-color="${colour()}"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer()
}

export type Variant = 'resized' | 'reencoded' | 'cropped' | 'resizedReencoded' | 'png'

/** The copies of one original that should be found as the same picture. */
export async function variants(photo: Buffer): Promise<Record<Variant, Buffer>> {
  const { width = 0, height = 0 } = await sharp(photo).metadata()
  // 3% off each side (6% of each dimension): what a slight straightening or a "remove the border" crop takes.
  const dx = Math.round(width * 0.03)
  const dy = Math.round(height * 0.03)
  return {
    resized: await sharp(photo).resize(Math.round(width / 3)).jpeg({ quality: 90 }).toBuffer(),
    reencoded: await sharp(photo).jpeg({ quality: 35 }).toBuffer(),
    cropped: await sharp(photo).extract({ left: dx, top: dy, width: width - 2 * dx, height: height - 2 * dy }).jpeg({ quality: 90 }).toBuffer(),
    resizedReencoded: await sharp(photo).resize(640).webp({ quality: 50 }).toBuffer(),
    png: await sharp(photo).resize(800).png().toBuffer(),
  }
}
