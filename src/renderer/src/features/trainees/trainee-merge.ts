/** View rules of merging trainees (수강생 병합), apart from React. */
import { type TraineeView } from '../../../../shared/ipc/training-types'

/** Which record is offered as the one to keep: the most enrolments, then the most filled-in 소속 and contacts. */
export function keptByDefault(people: readonly TraineeView[]): string {
  const filled = (t: TraineeView): number => [t.phone, t.email, t.companyId, t.department, t.position].filter(Boolean).length
  const best = [...people].sort((a, b) => b.classes - a.classes || filled(b) - filled(a) || a.id.localeCompare(b.id))[0]
  return best?.id ?? ''
}

/** What the kept record will look like: its own fields, empty ones filled from the others (the repository's rule). */
export function mergedPreview(people: readonly TraineeView[], keepId: string): TraineeView | null {
  const keep = people.find((p) => p.id === keepId)
  if (!keep) return null
  const others = people.filter((p) => p.id !== keepId)
  const first = <K extends keyof TraineeView>(key: K): TraineeView[K] =>
    keep[key] ?? others.map((o) => o[key]).find((v) => v !== null && v !== undefined) ?? keep[key]
  return {
    ...keep,
    phone: first('phone'),
    email: first('email'),
    companyId: first('companyId'),
    companyName: keep.companyId ? keep.companyName : (others.find((o) => o.companyId)?.companyName ?? null),
    department: first('department'),
    position: first('position'),
  }
}
