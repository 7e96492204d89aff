/** The first paths of a long list: enough to recognise them, with a count for the rest. */
const SHOWN = 50

/** The file's own name leads (it is what a person recognises); its folder follows, shortened from the left if need be. */
function split(path: string): { name: string; dir: string } {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  return cut < 0 ? { name: path, dir: '' } : { name: path.slice(cut + 1), dir: path.slice(0, cut) }
}

export function PathList({ label, items }: { label: string; items: { path: string; note: string }[] }) {
  const rest = items.length - SHOWN
  return (
    <ul className="path-list" aria-label={label}>
      {items.slice(0, SHOWN).map((item) => {
        const { name, dir } = split(item.path)
        return (
          <li key={item.path} title={item.path}>
            <span className="path-name">{name}</span>
            <span className="reason">{item.note}</span>
            {dir && (
              <span className="path-dir">
                <bdi>{dir}</bdi>
              </span>
            )}
          </li>
        )
      })}
      {rest > 0 && <li className="path-more">and {rest.toLocaleString()} more</li>}
    </ul>
  )
}
