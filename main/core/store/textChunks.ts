/** Addresses within a chunk: a text's address is its chunk's number times SPAN plus its offset (exact in a double). */
const SPAN = 2 ** 32

/**
 * Texts kept as UTF-8 bytes, a chunk per column file, each text addressed by one number. A
 * chunk is copied once at its exact size: one growing buffer copied itself again at every
 * doubling, a second of a million-file open (docs/scale.md).
 */
export class TextChunks {
  private readonly chunks: Buffer[] = []

  /** Keeps a copy of `data` (it may be a view of a whole file); returns the address of its first byte. */
  take(data: Uint8Array): number {
    this.chunks.push(Buffer.from(data))
    return (this.chunks.length - 1) * SPAN
  }

  /** The chunk holding the text at `at`; its offset there is offset(at). */
  chunk(at: number): Buffer {
    return this.chunks[Math.floor(at / SPAN)]
  }

  offset(at: number): number {
    return at % SPAN
  }

  /** The `length` bytes at `at`, as a string. */
  text(at: number, length: number): string {
    const offset = at % SPAN
    return this.chunk(at).toString('utf8', offset, offset + length)
  }
}
