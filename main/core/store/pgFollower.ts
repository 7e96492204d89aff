import pg from 'pg'
import type { Change } from './change.js'

/** Changes read at a time while catching up. */
const PAGE = 500
/** A missed notification can only go with its connection, which a reconnect covers; this bounds anything else. */
const POLL_MS = 5000
const MAX_BACKOFF_MS = 2000

interface ChangeRow {
  seq: string
  at: string
  actor: string | null
  op: string
  put: Change['put']
  del: Change['del']
}

/**
 * Follows the change table of a team library in seq order (docs/team.md): LISTEN on
 * `trove_changes` wakes it (the notification carries only the seq), and it then reads every
 * change after the last one it passed on. After its connection drops it reconnects and
 * reads what it missed, so a follower that was down catches up. Seqs are taken under a row
 * lock, so a change is visible before the next one can be numbered: a gap means a read raced
 * a commit's visibility, and is read again rather than skipped.
 */
export class ChangeFollower {
  private listenClient: pg.Client | null = null
  private reading = false
  private again = false
  private stopped = false
  private backoff = 50
  private reconnectTimer: NodeJS.Timeout | null = null
  private readonly poll: NodeJS.Timeout

  constructor(
    private readonly url: string,
    private readonly pool: pg.Pool,
    private last: number,
    private readonly listener: (change: Change) => void,
  ) {
    this.poll = setInterval(() => this.wake(), POLL_MS)
    this.poll.unref()
    void this.connect()
  }

  /** The seq of the last change passed on. */
  get seq(): number {
    return this.last
  }

  private async connect(): Promise<void> {
    if (this.stopped) return
    const client = new pg.Client({ connectionString: this.url })
    this.listenClient = client
    const lost = () => {
      if (this.listenClient !== client) return
      this.listenClient = null
      client.removeAllListeners('notification')
      void client.end().catch(() => undefined)
      this.scheduleReconnect()
    }
    client.on('error', lost)
    client.on('end', lost)
    client.on('notification', (message) => {
      if (Number(message.payload) > this.last) this.wake()
    })
    try {
      await client.connect()
      await client.query('LISTEN trove_changes')
      this.backoff = 50
      if (this.stopped) await client.end().catch(() => undefined)
      // Whatever was committed while no one listened.
      else this.wake()
    } catch {
      lost()
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null
      void this.connect()
    }, this.backoff)
    this.reconnectTimer.unref()
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS)
  }

  /** Reads the changes after the last one passed on; a wake during a read reads again after it. */
  wake(): void {
    if (this.stopped) return
    if (this.reading) {
      this.again = true
      return
    }
    this.reading = true
    void this.read().finally(() => {
      this.reading = false
      if (this.again) {
        this.again = false
        this.wake()
      }
    })
  }

  private async read(): Promise<void> {
    try {
      for (;;) {
        const { rows } = await this.pool.query<ChangeRow>('SELECT seq, at, actor, op, put, del FROM trove_changes WHERE seq > $1 ORDER BY seq LIMIT $2', [this.last, PAGE])
        for (const row of rows) {
          if (this.stopped) return
          const seq = Number(row.seq)
          if (seq !== this.last + 1) {
            this.again = true
            return
          }
          this.last = seq
          try {
            this.listener({ seq, at: Number(row.at), actor: row.actor, op: row.op, put: row.put, del: row.del })
          } catch {
            // A listener's failure is its own; the next listener call still comes in order.
          }
        }
        if (rows.length < PAGE) return
      }
    } catch {
      // The database is unreachable: the reconnect of the listening connection (or the poll) reads again.
    }
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearInterval(this.poll)
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer)
    const client = this.listenClient
    this.listenClient = null
    if (client) await client.end().catch(() => undefined)
  }
}
