// When a class (분반) may be marked. Attendance is evidence of training given (수료, billing): a class that has not
// started cannot have been attended, so marking it is refused — only an administrator may override, and the override
// is recorded on the mark. Times are the class's wall-clock times in Korea, compared with "now" in Korea.

import { KOREA_TIME_ZONE, toIsoDate, toIsoTime } from './dates'

export type ClassTiming = 'notStarted' | 'running' | 'ended'

export interface ClassSlot {
  readonly date: string
  readonly startTime: string
  readonly endTime: string
}

/** Where `now` falls relative to the class: before its start, during it, or after its end. */
export function classTiming(slot: ClassSlot, now: Date, timeZone: string = KOREA_TIME_ZONE): ClassTiming {
  const today = toIsoDate(now, timeZone)
  if (slot.date > today) return 'notStarted'
  if (slot.date < today) return 'ended'
  const time = toIsoTime(now, timeZone)
  if (time < slot.startTime) return 'notStarted'
  return time < slot.endTime ? 'running' : 'ended'
}

/** Remark stored on a mark an administrator entered before the class started (the override is on the record). */
export const ADMIN_OVERRIDE_REMARK = '관리자 재정의: 수업 시작 전 출결 입력'

export type MarkingDecision = { readonly allowed: true; readonly override: boolean } | { readonly allowed: false; readonly reason: 'notStarted' }

/**
 * Whether a mark may be written now. A class that has started (running or ended) may be marked by anyone who may
 * take attendance; before its start only an administrator who explicitly asks to override may.
 */
export function markingDecision(timing: ClassTiming, override: { readonly requested: boolean; readonly isAdmin: boolean }): MarkingDecision {
  if (timing !== 'notStarted') return { allowed: true, override: false }
  if (override.requested && override.isAdmin) return { allowed: true, override: true }
  return { allowed: false, reason: 'notStarted' }
}

/**
 * A walk-in (현장 등록) is a person who turned up: added to the roster as enrolled, and marked present only when the
 * class is running now. Added before the class or after it, nobody saw them in the room, so nothing is marked.
 */
export function walkInMarksPresent(timing: ClassTiming): boolean {
  return timing === 'running'
}

/** Whether a mark's remarks say it was entered as an administrator's override. */
export function isOverrideRemark(remarks: string | null | undefined): boolean {
  return remarks != null && remarks.startsWith(ADMIN_OVERRIDE_REMARK)
}

/** The remarks a person typed, without the override statement (the roster shows that as its own badge). */
export function remarksWithoutOverride(remarks: string | null | undefined): string | null {
  if (remarks == null) return null
  if (!isOverrideRemark(remarks)) return remarks
  const rest = remarks.slice(ADMIN_OVERRIDE_REMARK.length).replace(/^\s*·\s*/, '')
  return rest === '' ? null : rest
}

/**
 * The remarks to store with a mark. `requested` undefined keeps what is stored. An override puts the statement in
 * front; a later edit (a coordinator correcting the remark once the class ran) keeps it there, so the record never
 * forgets that the first mark came before the class.
 */
export function markRemarks(stored: string | null | undefined, requested: string | null | undefined, overrideNow: boolean): string | null | undefined {
  const keepStatement = overrideNow || isOverrideRemark(stored)
  if (!keepStatement) return requested
  const typed = requested === undefined ? remarksWithoutOverride(stored) : requested ? remarksWithoutOverride(requested) : null
  return [ADMIN_OVERRIDE_REMARK, typed].filter(Boolean).join(' · ')
}
