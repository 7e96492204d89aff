import { execFileSync } from 'node:child_process'

/** The entry names of a zip file as `unzip -Z1` lists them, sorted. */
export function zipEntries(zip: string): string[] {
  return execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).sort()
}
