/** btoa takes a binary string; building it in slices keeps the argument list under engine limits. */
export function toBase64(bytes: Uint8Array): string {
  const SLICE = 0x8000
  let binary = ''
  for (let i = 0; i < bytes.length; i += SLICE) binary += String.fromCharCode(...bytes.subarray(i, i + SLICE))
  return btoa(binary)
}
