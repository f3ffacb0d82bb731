import { describe, expect, it } from 'vitest'
import * as enums from './enums'

const lists = Object.entries(enums as Record<string, unknown>).filter((entry): entry is [string, readonly string[]] => Array.isArray(entry[1]))
const BOOKKEEPING = new Set(['OUTBOX_OPS', 'OUTBOX_STATUSES', 'CHANGE_LOG_KINDS'])

describe('enumerations', () => {
  it('exports every list the schema needs', () => {
    // A renamed or dropped list breaks both schemas and the UI at once; this names the ones the brief requires.
    for (const name of [
      'USER_TIERS',
      'COMPANY_TIERS',
      'COMPANY_STATUSES',
      'COMPANY_SIZES',
      'BRANCH_TYPES',
      'CONTACT_ROLE_TYPES',
      'LEAD_SOURCES',
      'LEAD_STATUSES',
      'OPPORTUNITY_TYPES',
      'OPPORTUNITY_STAGES',
      'PROJECT_TYPES',
      'PROJECT_STATUSES',
      'PROJECT_PHASES',
      'PROJECT_HEALTH',
      'PROJECT_PRIORITIES',
      'SESSION_STATUSES',
      'CLASS_STATUSES',
      'ENROLLMENT_STATUSES',
      'ATTENDANCE_STATUSES',
      'MEETING_TARGETS',
      'MEETING_TYPES',
      'MEETING_LOCATION_TYPES',
      'MEETING_STATUSES',
      'MEETING_IMPORTANCE',
      'PARTICIPANT_TYPES',
      'PARTICIPANT_ROLES',
      'PARTICIPANT_ATTENDANCE',
      'CUSTOMER_REACTIONS',
      'ACTION_ITEM_STATUSES',
      'PRIORITIES',
      'PRODUCT_TYPES',
      'KPI_CATEGORIES',
      'KPI_LEVELS',
      'KPI_UNITS',
      'KPI_DIRECTIONS',
      'KPI_FREQUENCIES',
      'KPI_ENTITY_TYPES',
      'KPI_PERIOD_TYPES',
      'ACTIVITY_TYPES',
      'ACTIVITY_ENTITY_TYPES',
      'CONFLICT_STATUSES',
      'CONFLICT_KINDS',
    ]) {
      expect(
        lists.map(([n]) => n),
        name,
      ).toContain(name)
    }
  })

  it.each(lists)('%s has distinct values that fit the server column (varchar ≤ 30)', (name, values) => {
    expect(values.length).toBeGreaterThan(0)
    expect(new Set(values).size).toBe(values.length)
    const shape = BOOKKEEPING.has(name) ? /^[a-z]+$/ : /^[A-Z][A-Z_]*[A-Z]$/
    for (const value of values) {
      expect(value).toMatch(shape)
      expect(value.length).toBeLessThanOrEqual(30)
    }
  })

  it('keeps the values the business rules depend on', () => {
    expect(enums.ENROLLMENT_STATUSES).toEqual(['APPLIED', 'CONFIRMED', 'WAITLISTED', 'CANCELLED'])
    expect(enums.ATTENDANCE_STATUSES).toEqual(['PRESENT', 'LATE', 'LEFT_EARLY', 'EXCUSED', 'ABSENT'])
    expect(enums.KPI_PERIOD_TYPES).toEqual(['MONTH', 'QUARTER', 'HALF', 'YEAR'])
    expect(enums.ACTIVITY_TYPES).toContain('KAKAO')
    expect(enums.CONFLICT_STATUSES).toEqual(['OPEN', 'RESOLVED', 'DISMISSED'])
    // Board order: the pipeline reads left to right in declaration order, closed stages last.
    expect(enums.OPPORTUNITY_STAGES.slice(-2)).toEqual(['CLOSED_WON', 'CLOSED_LOST'])
  })
})
