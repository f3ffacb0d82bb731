// Enrolment decisions (수강 신청 → 확정 / 대기 / 취소). Only confirmed enrolments take a seat, so only a confirmation is
// held against the class capacity; any other change (to waitlist, cancel, re-apply) frees or keeps seats and is allowed.

import { type EnrollmentStatus } from '../model/enums'

/** Whether one more confirmed trainee fits: no capacity means no limit. */
export function hasSeat(confirmed: number, capacity: number | null): boolean {
  return capacity === null || confirmed < capacity
}

/** Whether moving an enrolment from `from` to `to` needs a free seat. */
export function needsSeat(from: EnrollmentStatus, to: EnrollmentStatus): boolean {
  return to === 'CONFIRMED' && from !== 'CONFIRMED'
}
