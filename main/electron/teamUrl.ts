/** Loopback names: plain HTTP to them never leaves this machine. */
function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
}

/**
 * The address of a team server as a person typed it (docs/team.md): https, or plain http only
 * to this machine, since a password and a session cookie travel over it. Returns its origin
 * as a URL, or throws an Error whose message says what is wrong.
 */
export function parseTeamUrl(text: string): URL {
  const trimmed = text.trim()
  if (trimmed === '') throw new Error('Enter the address of the team library, such as https://trove.example.com.')
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`)
  } catch {
    throw new Error(`"${trimmed}" is not a web address. Enter one such as https://trove.example.com.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`A team library is reached over https, not ${url.protocol.slice(0, -1)}.`)
  if (url.username || url.password) throw new Error('Leave the user name and password out of the address: the library asks for them when it opens.')
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new Error(`${url.host} would be reached over plain http, which sends your password in the clear. Use https://${url.host}.`)
  }
  return new URL(url.origin)
}
