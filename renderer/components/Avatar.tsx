/** Initials on a colour picked from the user's id, so each person is recognisable at a glance. */
const HUES = [210, 250, 160, 20, 330, 190, 280, 40]

export function Avatar({ id, name, size = 28 }: { id: string; name: string; size?: number }) {
  let hash = 0
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0
  const hue = HUES[hash % HUES.length]
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('')
  return (
    <span className="avatar" aria-hidden="true" style={{ width: size, height: size, fontSize: size * 0.4, background: `hsl(${hue} 55% 92%)`, color: `hsl(${hue} 45% 32%)` }}>
      {initials || '?'}
    </span>
  )
}
