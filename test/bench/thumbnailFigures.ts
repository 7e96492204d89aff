import type { Report } from './report.js'

export async function thumbnailFigures(report: Report, root: string): Promise<void> {
  report.heading('thumbnailFigures (not written yet)')
  report.note(root)
}
