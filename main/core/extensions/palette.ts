/** A small palette of colour names people search by; the dominant colour is named by its nearest entry. */
export function colourName(r: number, g: number, b: number): string {
  const max = Math.max(r, g, b) / 255
  const min = Math.min(r, g, b) / 255
  const lightness = (max + min) / 2
  const chroma = max - min
  const saturation = chroma === 0 ? 0 : chroma / (1 - Math.abs(2 * lightness - 1))
  if (lightness < 0.12) return 'black'
  if (lightness > 0.92 && saturation < 0.5) return 'white'
  if (saturation < 0.15 || chroma < 0.08) return 'gray'
  const rn = r / 255
  const gn = g / 255
  const bn = b / 255
  let hue: number
  if (max === rn) hue = ((gn - bn) / chroma) % 6
  else if (max === gn) hue = (bn - rn) / chroma + 2
  else hue = (rn - gn) / chroma + 4
  hue = (hue * 60 + 360) % 360
  if (hue < 15 || hue >= 345) return lightness > 0.7 ? 'pink' : 'red'
  if (hue < 45) return lightness < 0.4 ? 'brown' : 'orange'
  if (hue < 70) return 'yellow'
  if (hue < 165) return 'green'
  if (hue < 200) return 'cyan'
  if (hue < 260) return 'blue'
  if (hue < 300) return 'purple'
  return 'pink'
}
