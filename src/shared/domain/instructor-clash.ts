/**
 * The instructor double-booking rule, shared by the device's warning (src/main/core/training/double-booking.ts,
 * training/clashes.ts) and the sync server's check on push (sync-server/src/sync/instructor-clashes.ts), so the two
 * never disagree about what a clash is.
 *
 * A class books its instructor when it is live (not deleted) and not CANCELLED. Two such classes clash when they name
 * the same instructor, fall on the same date and their [start, end) times intersect: a class ending at 12:00 and one
 * starting at 12:00 do not clash. Times are `HH:MM` (zero-padded), so text order is time order.
 */
import { uuidv5, PAIR_ID_NAMESPACE } from '../ids/pair-id'

/** What the rule needs of a class. */
export interface BookedSlot {
  readonly id: string
  readonly date: string
  readonly startTime: string
  readonly endTime: string
  readonly instructorId: string | null
  readonly status: string
  readonly deleted: boolean
}

/** The part of the day both classes take. */
export interface OverlapWindow {
  readonly date: string
  readonly start: string
  readonly end: string
}

/** True when the class holds its instructor (and room) at its time. */
export function booksInstructor(slot: Pick<BookedSlot, 'status' | 'deleted'>): boolean {
  return !slot.deleted && slot.status !== 'CANCELLED'
}

/** The overlap of two times on dates, or null when they do not intersect ([start, end): touching is not overlapping). */
export function overlapWindow(
  a: Pick<BookedSlot, 'date' | 'startTime' | 'endTime'>,
  b: Pick<BookedSlot, 'date' | 'startTime' | 'endTime'>,
): OverlapWindow | null {
  if (a.date !== b.date) return null
  const start = a.startTime > b.startTime ? a.startTime : b.startTime
  const end = a.endTime < b.endTime ? a.endTime : b.endTime
  return start < end ? { date: a.date, start, end } : null
}

/** The overlap window when `a` and `b` double-book one instructor; null otherwise (or when they are one class). */
export function instructorClash(a: BookedSlot, b: BookedSlot): OverlapWindow | null {
  if (a.id === b.id || a.instructorId === null || a.instructorId !== b.instructorId) return null
  if (!booksInstructor(a) || !booksInstructor(b)) return null
  return overlapWindow(a, b)
}

/** The two class ids in the order a clash record stores them (a < b), so both orders name one record. */
export function clashPair(classId: string, otherId: string): readonly [string, string] {
  const x = classId.toLowerCase()
  const y = otherId.toLowerCase()
  return x < y ? [x, y] : [y, x]
}

/** The id of the `instructor_clashes` row of two classes: the same whichever class was checked, on every server. */
export function instructorClashId(classId: string, otherId: string): string {
  const [a, b] = clashPair(classId, otherId)
  return uuidv5(`instructor_clashes:${a}:${b}`, PAIR_ID_NAMESPACE)
}
