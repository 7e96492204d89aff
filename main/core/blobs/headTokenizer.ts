import { AbstractTokenizer, EndOfStreamError, type IFileInfo, type IReadChunkOptions } from 'strtok3'

/**
 * A file's first bytes as file-type's tokenizer (strtok3's buffer tokenizer, which the package
 * does not export), noting whether a detector asked for bytes past them. Only then can the
 * whole file tell more than its head, so only then is it read again: for content no detector
 * knows, that second, piecemeal read of the file cost more than the rest of its import.
 */
export class HeadTokenizer extends AbstractTokenizer {
  fileInfo: IFileInfo
  /** Whether a read, peek or skip reached past the head. */
  wantedMore = false

  /** `size`: the whole file's, so that a detector sees the file as it is and asks for what lies past the head, rather than taking the head for all of it. */
  constructor(
    private readonly head: Uint8Array,
    size: number,
  ) {
    super()
    this.fileInfo = { size }
  }

  supportsRandomAccess(): boolean {
    return true
  }

  setPosition(position: number): void {
    this.validateLength(position, 'position')
    this.position = position
  }

  async readBuffer(target: Uint8Array, options?: IReadChunkOptions): Promise<number> {
    const normalized = this.normalizeOptions(target, options)
    const read = await this.peekBuffer(target, normalized)
    this.position = normalized.position + read
    return read
  }

  async peekBuffer(target: Uint8Array, options?: IReadChunkOptions): Promise<number> {
    const { position, length, mayBeLess } = this.normalizeOptions(target, options)
    if (position + length > this.head.length) this.wantedMore = true
    const available = Math.max(0, Math.min(this.head.length - position, length))
    if (!mayBeLess && available < length) throw new EndOfStreamError()
    target.set(this.head.subarray(position, position + available))
    return available
  }

  override async ignore(length: number): Promise<number> {
    if (this.position + length > this.head.length) this.wantedMore = true
    return super.ignore(length)
  }
}
