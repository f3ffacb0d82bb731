/**
 * The trainee directory (수강생) on the device: one row per person across classes and projects.
 *
 * - Find-or-create: a person is found by name + mobile or name + e-mail (`sameTrainee`), so a walk-in, a pasted row
 *   or an imported file does not create them again in every class; empty 소속 fields (company, department, position,
 *   contact) of the found row are filled from the new data, never overwritten.
 * - Merge: duplicates made before (or on two offline devices) are merged into one kept row — enrolments, marks and
 *   satisfaction answers move to it (an enrolment in a class the kept row already has is dropped; its mark moves only
 *   when the kept row has none), empty fields are filled, the others are soft-deleted (restorable, synced).
 * - Enrolment into a class or every class of a session: confirmed while seats last (`hasSeat`), then waitlisted.
 */
import { hasSeat } from '../../../shared/domain/enrollment'
import { displayName } from '../../../shared/domain/korean-name'
import { compareKorean } from '../../../shared/domain/korean-text'
import { duplicateTraineeGroups, sameTrainee } from '../../../shared/domain/trainee-identity'
import { pairId } from '../../../shared/ids/pair-id'
import { type EnrollResult, type TraineeView } from '../../../shared/ipc/training-types'
import { type RepoContext } from '../common/context'
import { requireTrainingActor, TrainingRuleError } from './rules'

export interface TraineeInput {
  readonly lastName: string
  readonly firstName: string
  readonly phone?: string | null
  readonly email?: string | null
  readonly companyId?: string | null
  /** A company typed as text (a pasted 회사 column): matched to a company by name, else kept in the notes. */
  readonly companyName?: string | null
  readonly department?: string | null
  readonly position?: string | null
}

interface TraineeRow {
  id: string
  last_name: string
  first_name: string
  phone: string | null
  email: string | null
  company_id: string | null
  company_name: string | null
  department: string | null
  position: string | null
  notes: string | null
  classes: number
}

export interface TraineeDirectory {
  /** Inside the caller's transaction when there is one. */
  findOrCreate(input: TraineeInput): { id: string; created: boolean }
  search(query: string, limit?: number): TraineeView[]
  duplicates(): TraineeView[][]
  merge(keepId: string, mergeIds: readonly string[]): TraineeView
  /** Enrols existing trainees and / or new rows into a class or every live class of a session. */
  enrol(target: { readonly classId?: string; readonly sessionId?: string }, traineeIds: readonly string[], rows: readonly TraineeInput[]): EnrollResult
  /** Removes an enrolment (soft delete; restorable). */
  unenrol(enrollmentId: string): string
}

const COLUMNS = `t.id, t.last_name, t.first_name, t.phone, t.email, t.company_id, c.name AS company_name, t.department, t.position, t.notes,
  (SELECT COUNT(*) FROM enrollments e WHERE e.trainee_id = t.id AND e.deleted_at IS NULL) AS classes`

const viewOf = (r: TraineeRow): TraineeView => ({
  id: r.id,
  name: displayName({ lastName: r.last_name, firstName: r.first_name }),
  lastName: r.last_name,
  firstName: r.first_name,
  phone: r.phone,
  email: r.email,
  companyId: r.company_id,
  companyName: r.company_name,
  department: r.department,
  position: r.position,
  classes: r.classes,
})

export function createTraineeDirectory(ctx: RepoContext): TraineeDirectory {
  const { sqlite, writer } = ctx
  const byName = sqlite.prepare<[string, string], TraineeRow>(
    `SELECT ${COLUMNS} FROM trainees t LEFT JOIN companies c ON c.id = t.company_id
      WHERE t.last_name = ? AND t.first_name = ? AND t.deleted_at IS NULL ORDER BY t.created_at, t.id`,
  )
  const byId = sqlite.prepare<[string], TraineeRow>(
    `SELECT ${COLUMNS} FROM trainees t LEFT JOIN companies c ON c.id = t.company_id WHERE t.id = ? AND t.deleted_at IS NULL`,
  )
  const companyByName = sqlite.prepare<[string], { id: string }>(
    'SELECT id FROM companies WHERE deleted_at IS NULL AND lower(trim(name)) = lower(trim(?)) ORDER BY created_at, id LIMIT 1',
  )
  const searchRows = sqlite.prepare<[string, string, string, number], TraineeRow>(
    `SELECT ${COLUMNS} FROM trainees t LEFT JOIN companies c ON c.id = t.company_id
      WHERE t.deleted_at IS NULL AND (t.last_name || t.first_name LIKE ? OR t.phone LIKE ? OR t.email LIKE ?)
      ORDER BY t.last_name || t.first_name, t.id LIMIT ?`,
  )
  const everyone = sqlite.prepare<[], TraineeRow>(
    `SELECT ${COLUMNS} FROM trainees t LEFT JOIN companies c ON c.id = t.company_id WHERE t.deleted_at IS NULL ORDER BY t.created_at, t.id`,
  )
  const classRow = sqlite.prepare<[string], { id: string; max_participants: number | null }>(
    `SELECT id, max_participants FROM training_classes WHERE id = ? AND deleted_at IS NULL`,
  )
  const classesOfSession = sqlite.prepare<[string], { id: string; max_participants: number | null }>(
    `SELECT id, max_participants FROM training_classes WHERE session_id = ? AND deleted_at IS NULL AND status <> 'CANCELLED'
      ORDER BY class_number, date, id`,
  )
  const confirmedIn = sqlite.prepare<[string], { n: number }>(
    `SELECT COUNT(*) AS n FROM enrollments WHERE class_id = ? AND status = 'CONFIRMED' AND deleted_at IS NULL`,
  )
  const enrolmentOf = sqlite.prepare<[string, string], { id: string; status: string }>(
    'SELECT id, status FROM enrollments WHERE class_id = ? AND trainee_id = ? AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1',
  )
  const enrolmentsOfTrainee = sqlite.prepare<[string], { id: string; class_id: string }>(
    'SELECT id, class_id FROM enrollments WHERE trainee_id = ? AND deleted_at IS NULL',
  )
  const marksOfTrainee = sqlite.prepare<[string], { id: string; class_id: string }>(
    'SELECT id, class_id FROM attendance_records WHERE trainee_id = ? AND deleted_at IS NULL',
  )
  const markOf = sqlite.prepare<[string, string], { id: string }>(
    'SELECT id FROM attendance_records WHERE class_id = ? AND trainee_id = ? AND deleted_at IS NULL LIMIT 1',
  )
  const feedbackOfTrainee = sqlite.prepare<[string], { id: string }>('SELECT id FROM training_feedback WHERE trainee_id = ? AND deleted_at IS NULL')
  const enrolmentById = sqlite.prepare<[string], { id: string; class_id: string }>('SELECT id, class_id FROM enrollments WHERE id = ? AND deleted_at IS NULL')

  const requireActor = (): string => requireTrainingActor(ctx)

  /** The fields of `input` that fill empty ones of `row` (nothing already filled in is overwritten). */
  const missingFields = (row: TraineeRow, input: TraineeInput, companyId: string | null, unmatchedCompany: string | null): Record<string, unknown> => {
    const out: Record<string, unknown> = {}
    if (!row.phone && input.phone) out.phone = input.phone
    if (!row.email && input.email) out.email = input.email
    if (!row.company_id && companyId) out.company_id = companyId
    if (!row.department && input.department) out.department = input.department
    if (!row.position && input.position) out.position = input.position
    if (!row.company_id && !companyId && unmatchedCompany && !row.notes) out.notes = `소속: ${unmatchedCompany}`
    return out
  }

  const findOrCreate: TraineeDirectory['findOrCreate'] = (input) => {
    requireActor()
    const typed = input.companyName?.trim() || null
    const matchedCompany = typed ? (companyByName.get(typed)?.id ?? null) : null
    const companyId = matchedCompany ?? input.companyId ?? null
    const unmatchedCompany = typed && !matchedCompany ? typed : null
    const found = byName
      .all(input.lastName, input.firstName)
      .find((row) => sameTrainee(input, { lastName: row.last_name, firstName: row.first_name, phone: row.phone, email: row.email }))
    if (found) {
      const fill = missingFields(found, input, companyId, unmatchedCompany)
      if (Object.keys(fill).length > 0) writer.upsert('trainees', found.id, fill)
      return { id: found.id, created: false }
    }
    const id = ctx.newId()
    writer.upsert('trainees', id, {
      last_name: input.lastName,
      first_name: input.firstName,
      phone: input.phone ?? null,
      email: input.email ?? null,
      company_id: companyId,
      department: input.department ?? null,
      position: input.position ?? null,
      notes: unmatchedCompany ? `소속: ${unmatchedCompany}` : null,
    })
    return { id, created: true }
  }

  return {
    findOrCreate,

    search(query, limit = 50) {
      const like = `%${query.replace(/\s+/g, '').replace(/[-]/g, '')}%`
      return searchRows
        .all(like, like, `%${query.trim()}%`, limit)
        .map(viewOf)
        .sort((a, b) => compareKorean(a.name, b.name))
    },

    duplicates() {
      const rows = everyone.all()
      const groups = duplicateTraineeGroups(rows.map((r) => ({ ...r, lastName: r.last_name, firstName: r.first_name })))
      return groups.map((g) => g.map(viewOf))
    },

    merge(keepId, mergeIds) {
      requireActor()
      const keep = byId.get(keepId)
      if (!keep) throw new TrainingRuleError('notFound', `No trainee ${keepId} on this device`)
      writer.transaction(() => {
        for (const otherId of mergeIds) {
          if (otherId === keepId) continue
          const other = byId.get(otherId)
          if (!other) throw new TrainingRuleError('notFound', `No trainee ${otherId} on this device`)
          const current = byId.get(keepId) ?? keep
          const fill = missingFields(
            current,
            {
              lastName: other.last_name,
              firstName: other.first_name,
              phone: other.phone,
              email: other.email,
              department: other.department,
              position: other.position,
            },
            other.company_id,
            null,
          )
          if (Object.keys(fill).length > 0) writer.upsert('trainees', keepId, fill)
          // The delete goes first: the server sees a trainee through its enrolments (scope), so once they have moved
          // away in this same push, deleting the trainee would be refused as "not in your scope".
          writer.remove('trainees', otherId)
          for (const e of enrolmentsOfTrainee.all(otherId)) {
            if (enrolmentOf.get(e.class_id, keepId)) writer.remove('enrollments', e.id)
            else writer.upsert('enrollments', e.id, { trainee_id: keepId })
          }
          for (const m of marksOfTrainee.all(otherId)) {
            if (markOf.get(m.class_id, keepId)) writer.remove('attendance_records', m.id)
            else writer.upsert('attendance_records', m.id, { trainee_id: keepId })
          }
          for (const f of feedbackOfTrainee.all(otherId)) writer.upsert('training_feedback', f.id, { trainee_id: keepId })
        }
      })
      const merged = byId.get(keepId)
      if (!merged) throw new TrainingRuleError('notFound', `No trainee ${keepId} on this device`)
      return viewOf(merged)
    },

    enrol(target, traineeIds, rows) {
      requireActor()
      const classes = target.classId
        ? [classRow.get(target.classId)].filter((k) => k !== undefined)
        : target.sessionId
          ? classesOfSession.all(target.sessionId)
          : []
      if (classes.length === 0) throw new TrainingRuleError('notFound', 'no class to enrol into')
      const result = { created: 0, found: 0, confirmed: 0, waitlisted: 0, alreadyEnrolled: 0 }
      writer.transaction(() => {
        const ids: string[] = [...traineeIds]
        for (const row of rows) {
          const { id, created } = findOrCreate(row)
          if (created) result.created += 1
          else result.found += 1
          ids.push(id)
        }
        for (const klass of classes) {
          let confirmed = confirmedIn.get(klass.id)?.n ?? 0
          for (const traineeId of new Set(ids)) {
            if (!byId.get(traineeId)) throw new TrainingRuleError('notFound', `No trainee ${traineeId} on this device`)
            const existing = enrolmentOf.get(klass.id, traineeId)
            if (existing && existing.status !== 'CANCELLED') {
              result.alreadyEnrolled += 1
              continue
            }
            const seat = hasSeat(confirmed, klass.max_participants)
            writer.upsert('enrollments', existing?.id ?? pairId('enrollments', klass.id, traineeId), {
              class_id: klass.id,
              trainee_id: traineeId,
              status: seat ? 'CONFIRMED' : 'WAITLISTED',
              deleted_at: null,
            })
            if (seat) {
              confirmed += 1
              result.confirmed += 1
            } else result.waitlisted += 1
          }
        }
      })
      return result
    },

    unenrol(enrollmentId) {
      requireActor()
      const row = enrolmentById.get(enrollmentId)
      if (!row) throw new TrainingRuleError('notFound', `No enrolment ${enrollmentId} on this device`)
      writer.remove('enrollments', enrollmentId)
      return row.class_id
    },
  }
}
