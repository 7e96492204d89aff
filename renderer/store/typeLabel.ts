/** A short type label: the extension when there is one, else the MIME subtype. */
export function typeLabel(name: string, mime?: string): string {
  const dot = name.lastIndexOf('.')
  if (dot > 0 && dot < name.length - 1 && name.length - dot <= 6) return name.slice(dot + 1).toUpperCase()
  return (mime?.split('/')[1] ?? 'file').toUpperCase()
}
