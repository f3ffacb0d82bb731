/**
 * The instructor directory (강사): internal staff and external lecturers, their specialties, certifications and the
 * company's own 1–5 grade. Written by users the permission rule allows (by default coordinators may add and edit, only
 * managers delete), checked here as well as on the server so a refused edit never reaches the outbox.
 */
import { displayName } from '../../../shared/domain/korean-name'
import { compareKorean } from '../../../shared/domain/korean-text'
import { type instructorSaveSchema } from '../../../shared/model/validation/training'
import { type InstructorOption, type InstructorView } from '../../../shared/ipc/training-types'
import { type z } from 'zod'
import { newRecordCode } from '../../../shared/ids/record-code'
import { type RepoContext } from '../common/context'
import { TrainingRuleError } from './rules'

type InstructorSave = z.output<typeof instructorSaveSchema>

export interface InstructorsRepo {
  /** Every live instructor, active first, 가나다 order. */
  directory(): InstructorView[]
  /** Active instructors for a class's picker (`instructors.list`), by name. */
  options(): InstructorOption[]
  save(input: InstructorSave): InstructorView[]
}

interface Row {
  id: string
  code: string
  last_name: string
  first_name: string
  email: string
  phone: string | null
  specialties: string | null
  certifications: string | null
  rating: number | null
  hourly_rate: number | null
  bio: string | null
  is_internal: number
  is_active: number
}

function textList(raw: string | null): string[] {
  if (!raw) return []
  try {
    const value: unknown = JSON.parse(raw)
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
  } catch {
    return []
  }
}

export function createInstructorsRepo(ctx: RepoContext): InstructorsRepo {
  const { sqlite, writer } = ctx
  const all = sqlite.prepare<[], Row>(
    `SELECT id, code, last_name, first_name, email, phone, specialties, certifications, rating, hourly_rate, bio, is_internal, is_active
       FROM instructors WHERE deleted_at IS NULL`,
  )
  const byId = sqlite.prepare<[string], { id: string; code: string }>('SELECT id, code FROM instructors WHERE id = ? AND deleted_at IS NULL')
  const active = sqlite.prepare<[], { id: string; last_name: string; first_name: string }>(
    'SELECT id, last_name, first_name FROM instructors WHERE deleted_at IS NULL AND is_active = 1 ORDER BY last_name || first_name, id',
  )

  const directory = (): InstructorView[] =>
    all
      .all()
      .map((r) => ({
        id: r.id,
        code: r.code,
        lastName: r.last_name,
        firstName: r.first_name,
        name: displayName({ lastName: r.last_name, firstName: r.first_name }),
        email: r.email,
        phone: r.phone,
        specialties: textList(r.specialties),
        certifications: textList(r.certifications),
        rating: r.rating,
        hourlyRate: r.hourly_rate,
        bio: r.bio,
        isInternal: r.is_internal === 1,
        isActive: r.is_active === 1,
      }))
      .sort((a, b) => Number(b.isActive) - Number(a.isActive) || compareKorean(a.name, b.name))

  return {
    directory,
    options: () => active.all().map((row) => ({ id: row.id, name: displayName({ lastName: row.last_name, firstName: row.first_name }) })),
    save(input) {
      const actor = ctx.actor()
      if (!actor) throw new TrainingRuleError('signInToEdit', 'Nobody is signed in')
      const existing = input.id ? byId.get(input.id) : undefined
      if (input.id && !existing) throw new TrainingRuleError('notFound', `No instructor ${input.id} on this device`)
      const id = existing?.id ?? ctx.newId()
      writer.upsert('instructors', id, {
        code: existing?.code ?? newRecordCode('instructors'),
        last_name: input.lastName,
        first_name: input.firstName,
        email: input.email,
        phone: input.phone,
        specialties: input.specialties,
        certifications: input.certifications,
        rating: input.rating,
        hourly_rate: input.hourlyRate,
        bio: input.bio,
        is_internal: input.isInternal,
        is_active: input.isActive,
      })
      return directory()
    },
  }
}
