import { describe, expect, it } from 'vitest'
import { JobRunner, type JobContext } from '../../../main/core/jobs/runner.js'
import type { JobView } from '../../../shared/views.js'

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

const spec = (title: string) => ({ kind: 'test', title, ownerId: 'u1', sessionId: 's1' })

describe('JobRunner', () => {
  it('takes the id the caller made, and refuses one in use before doing any work', async () => {
    const runner = new JobRunner(1, () => undefined)
    const first = runner.run({ ...spec('first'), id: 'job-a' }, async () => 1)
    expect(first.job.id).toBe('job-a')
    expect(await first.result).toBe(1)
    let ran = false
    expect(() => runner.run({ ...spec('second'), ownerId: 'u2', id: 'job-a' }, async () => (ran = true))).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
    expect(ran).toBe(false)
    expect(runner.list('u2')).toEqual([])
  })

  it('runs at most `concurrency` jobs at once and queues the rest', async () => {
    const runner = new JobRunner(2, () => undefined)
    const gates = [deferred(), deferred(), deferred()]
    let active = 0
    let peak = 0
    const results = gates.map((gate, i) =>
      runner.run(spec(`job ${i}`), async () => {
        active++
        peak = Math.max(peak, active)
        await gate.promise
        active--
        return i
      }),
    )
    expect(results.map((r) => runner.get(r.job.id)!.state)).toEqual(['running', 'running', 'queued'])
    gates.forEach((g) => g.resolve())
    expect(await Promise.all(results.map((r) => r.result))).toEqual([0, 1, 2])
    expect(peak).toBe(2)
  })

  it('pushes progress and the final state to the session that started the job', async () => {
    const updates: [JobView, string][] = []
    const runner = new JobRunner(1, (job, session) => updates.push([job, session]))
    const { result } = runner.run(spec('copy'), async (ctx: JobContext) => {
      ctx.progress({ done: 1, total: 4 })
      return 'ok'
    })
    await result
    expect(updates.every(([, s]) => s === 's1')).toBe(true)
    expect(updates.at(-1)![0]).toMatchObject({ state: 'done', done: 4, total: 4 })
    expect(updates.some(([j]) => j.state === 'running')).toBe(true)
  })

  it('cancels a running job through its signal and reports CANCELLED', async () => {
    const runner = new JobRunner(1, () => undefined)
    const started = deferred()
    const { job, result } = runner.run(spec('long'), (ctx) => {
      started.resolve()
      return new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('stopped'))))
    })
    await started.promise
    runner.cancel(job.id, 'u1', false)
    await expect(result).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(runner.get(job.id)!.state).toBe('cancelled')
  })

  it('cancels a queued job before it starts, and lets no one else cancel it', async () => {
    const runner = new JobRunner(1, () => undefined)
    const gate = deferred()
    const first = runner.run(spec('first'), () => gate.promise)
    let ran = false
    const second = runner.run(spec('second'), async () => {
      ran = true
    })
    expect(() => runner.cancel(second.job.id, 'someone-else', false)).toThrow(/No job/)
    runner.cancel(second.job.id, 'u1', false)
    gate.resolve()
    await first.result
    await expect(second.result).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(ran).toBe(false)
  })

  it('records a failure with its error', async () => {
    const runner = new JobRunner(1, () => undefined)
    const { job, result } = runner.run(spec('broken'), async () => {
      throw new Error('disk full')
    })
    await expect(result).rejects.toThrow('disk full')
    expect(runner.get(job.id)).toMatchObject({ state: 'failed', error: { message: 'disk full' } })
  })
})
