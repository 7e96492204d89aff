import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))))

const PARAMS = { N: 16384, r: 8, p: 1 }
const KEYLEN = 32

/** `scrypt$N$r$p$salt$hash`, so the cost can rise later without breaking stored hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, KEYLEN, PARAMS)
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) })
  return timingSafeEqual(key, expected)
}

let decoy: Promise<string> | null = null

/**
 * Checks `password` against the account's hash; an account with no hash (or no account) costs
 * the same scrypt run against a decoy and fails, so the time taken tells nothing either.
 */
export async function passwordMatches(password: string | undefined, stored: string | undefined): Promise<boolean> {
  if (stored !== undefined && password !== undefined) return verifyPassword(password, stored)
  decoy ??= hashPassword(randomBytes(16).toString('base64'))
  await verifyPassword(password ?? '', await decoy)
  return false
}
