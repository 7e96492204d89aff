import v8 from 'node:v8'
import vm from 'node:vm'

export const now = (): number => performance.now()

/** Milliseconds on a clock every process of this machine shares (for times compared across processes). */
export const wallMs = (): number => performance.timeOrigin + performance.now()

/** Nearest-rank percentile: p99 of 1,000 samples is the 990th smallest, an observed value. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

export const median = (values: number[]): number => percentile(values, 50)

// `npm run bench` cannot pass --expose-gc through tsx, so the flag is set at run time and the
// function fetched from a fresh context, which is created after the flag is on.
v8.setFlagsFromString('--expose-gc')
const collect = vm.runInNewContext('gc') as () => void

/** A full collection, so that one figure's garbage is not collected during the next one. */
export function gc(): void {
  collect()
  collect()
}

export interface Sample {
  start: number
  end: number
}

export const duration = (s: Sample): number => s.end - s.start

/** Runs `fn` `count` times, one at a time, timing each from call to settled result. */
export async function sequential(count: number, fn: (i: number) => Promise<unknown>, keepGoing: () => boolean = () => true): Promise<Sample[]> {
  const samples: Sample[] = []
  for (let i = 0; i < count && keepGoing(); i++) {
    const start = now()
    await fn(i)
    samples.push({ start, end: now() })
  }
  return samples
}

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`
export const msText = (ms: number): string => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`
