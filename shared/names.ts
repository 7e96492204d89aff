/**
 * The key two names are compared by when they must be unique (SPEC section 3: case-insensitive).
 * Unicode normalisation makes a precomposed and a decomposed "Café" the same name, and
 * folding through upper case makes "straße" and "STRASSE" the same, as a person reads them.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toUpperCase().toLowerCase()
}
