import type { MetadataFieldRecord, MetadataValue } from '../../../shared/domain.js'
import { AppError } from '../../../shared/errors.js'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** Values are checked against their field's type and options (docs/architecture.md). */
export function checkValue(field: MetadataFieldRecord, value: MetadataValue): MetadataValue {
  const bad = (expected: string) =>
    new AppError('INVALID_INPUT', `"${field.name}" takes ${expected}.`, { fieldId: field.id, type: field.type })
  switch (field.type) {
    case 'text':
      if (typeof value !== 'string') throw bad('text')
      return value
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw bad('a number')
      return value
    case 'boolean':
      if (typeof value !== 'boolean') throw bad('yes or no')
      return value
    case 'date': {
      if (typeof value !== 'string' || !ISO_DATE.test(value)) throw bad('a date (YYYY-MM-DD)')
      const d = new Date(`${value}T00:00:00Z`)
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw bad('a real calendar date')
      return value
    }
    case 'singleSelect':
      if (typeof value !== 'string' || !field.options.includes(value)) throw bad(`one of: ${field.options.join(', ')}`)
      return value
    case 'multiSelect':
      if (!Array.isArray(value) || value.some((v) => !field.options.includes(v))) throw bad(`a list of: ${field.options.join(', ')}`)
      return [...new Set(value)]
  }
}
