import type { Report } from './report.js'

export async function transferFigures(report: Report, root: string): Promise<void> {
  report.heading('transferFigures (not written yet)')
  report.note(root)
}
