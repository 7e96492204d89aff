/** Prints each figure on its own line as `name: value (target ...) PASS|MISS`, and a tally at the end. */
export class Report {
  private readonly results: { name: string; pass: boolean }[] = []
  private readonly lastLines: string[] = []

  figure(name: string, value: string, target: string, pass: boolean): void {
    this.results.push({ name, pass })
    console.log(`${name}: ${value} (target ${target}) ${pass ? 'PASS' : 'MISS'}`)
  }

  /** Context for the figure above it (sample counts, absolute times); indented so figures stand out. */
  note(text: string): void {
    console.log(`    ${text}`)
  }

  heading(text: string): void {
    console.log(`\n# ${text}`)
  }

  /** A line for machines to read, printed after the tally so that it is the run's last. */
  last(line: string): void {
    this.lastLines.push(line)
  }

  summary(): void {
    const missed = this.results.filter((r) => !r.pass)
    console.log(`\n${this.results.length - missed.length} of ${this.results.length} targets met${missed.length ? `; missed: ${missed.map((r) => r.name).join(', ')}` : ''}`)
    for (const line of this.lastLines) console.log(line)
  }
}
