import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { LOOK_ALIKE_DISTANCE } from '../../../main/core/duplicates/lookAlike.js'
import { hammingDistance, perceptualHash } from '../../../main/core/media/perceptualHash.js'
import { RENDITION_SIZE } from '../../../main/core/media/thumbnails.js'
import { original, variants, type Variant } from '../../support/imageFamilies.js'

/** The hash as the thumbnail step computes it: from the picture scaled to cover the tile. */
async function hashOf(bytes: Buffer): Promise<string> {
  const size = RENDITION_SIZE.thumb
  const { data, info } = await sharp(bytes).rotate().resize(size, size, { fit: 'outside' }).raw().toBuffer({ resolveWithObject: true })
  return perceptualHash(data, info.width, info.height, info.channels)
}

const ORIGINALS = 40

describe('the look-alike threshold', () => {
  it(`separates copies of a picture from different pictures on ${ORIGINALS} generated families`, async () => {
    const originals: string[] = []
    const worst: Record<Variant, number> = { resized: 0, reencoded: 0, cropped: 0, resizedReencoded: 0, png: 0 }
    for (let seed = 1; seed <= ORIGINALS; seed++) {
      const photo = await original(seed)
      const hash = await hashOf(photo)
      originals.push(hash)
      for (const [variant, bytes] of Object.entries(await variants(photo)) as [Variant, Buffer][]) {
        worst[variant] = Math.max(worst[variant], hammingDistance(hash, await hashOf(bytes)))
      }
    }
    let closestDifferent = 64
    for (let i = 0; i < originals.length; i++) for (let j = i + 1; j < originals.length; j++) closestDifferent = Math.min(closestDifferent, hammingDistance(originals[i], originals[j]))
    // Every copy is within the threshold, with room to spare for what generated pictures do not show.
    for (const [variant, distance] of Object.entries(worst)) expect(distance, `${variant} copies`).toBeLessThanOrEqual(LOOK_ALIKE_DISTANCE - 2)
    // Resizing and re-encoding barely move the hash; a 3% crop on each side moves it most.
    expect(Math.max(worst.resized, worst.reencoded, worst.resizedReencoded, worst.png)).toBeLessThanOrEqual(4)
    // Every pair of different pictures is beyond it.
    expect(closestDifferent).toBeGreaterThan(LOOK_ALIKE_DISTANCE + 2)
  }, 120_000)
})
