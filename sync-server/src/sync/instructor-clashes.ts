/**
 * Instructor double bookings across projects (docs/hrd-training-rules.md § Instructors across projects): a device holds
 * only its user's projects, so its warning cannot see a colleague's class with the same instructor. The server holds
 * every class, so each push that changes a class's schedule re-checks that class against every project's classes and
 * keeps one `instructor_clashes` row per clashing pair, synced to whoever sees either project (scope.ts).
 *
 * Runs inside the push's transaction, after its batches (push.ts), for three reasons:
 * - the record commits with the change that caused it, under the same txid: a device that pulls the moved class pulls
 *   the clash (or its resolution) at the same cursor, and there is no window, crash or retry queue in between;
 * - a retried push (deadlock, lost response) re-runs it with the rest; nothing is checked twice or forgotten;
 * - two pushes booking one instructor at once are serialised on a per-instructor advisory lock taken *after* their
 *   writes: under READ COMMITTED each statement sees what committed before it, so whichever takes the lock second sees
 *   the other's class. Without it each would check against the other's uncommitted state and both would miss the clash.
 * The cost is one indexed query (training_classes (instructor_id, date)) per push that touches a class's schedule.
 *
 * What a clash is: the shared rule `instructorClash` (src/shared/domain/instructor-clash.ts), the device's warning's
 * rule too. A class of a deleted 차수 or project books nobody. A clash that no longer holds is soft-deleted; if it
 * comes back the same row (same id) is revived with a new detected_at.
 */
import { instructorClash, instructorClashId, clashPair } from '../../../src/shared/domain/instructor-clash'
import type { Queryable } from '../postgres/transaction'
import type { ChangeLogEntry } from './change-log'
import { appendChangeLog } from './change-log'

/** What a push changed that may move a class in time or between instructors. */
export interface ClashTriggers {
  readonly classIds: ReadonlySet<string>
  readonly sessionIds: ReadonlySet<string>
  readonly projectIds: ReadonlySet<string>
}

/**
 * Columns whose change re-checks the row's classes. Whoever-to-call columns are included because the row carries the
 * coordinator of each side; `session_id` and `project_id` because they decide which project a class belongs to.
 */
export const CLASH_TRIGGER_COLUMNS = {
  training_classes: ['date', 'start_time', 'end_time', 'instructor_id', 'status', 'deleted_at', 'session_id'],
  training_sessions: ['project_id', 'deleted_at', 'coordinator_id'],
  projects: ['deleted_at', 'coordinator_id', 'project_manager_id', 'operator_id'],
} as const

export type ClashTriggerTable = keyof typeof CLASH_TRIGGER_COLUMNS

/** True when an applied mutation of `table` with these fields (or a delete) must re-check clashes. */
export function triggersClashCheck(table: string, op: 'upsert' | 'delete', fields: Readonly<Record<string, unknown>>): table is ClashTriggerTable {
  const columns = (CLASH_TRIGGER_COLUMNS as Record<string, readonly string[]>)[table]
  if (!columns) return false
  return op === 'delete' || columns.some((name) => name in fields)
}

/** Advisory-lock class id ("clas") for the per-instructor lock; distinct from the scope lock's one-key space. */
const INSTRUCTOR_LOCK_CLASS = 0x636c6173

interface ClassSide {
  id: string
  instructor_id: string
  date: string
  start_time: string
  end_time: string
  status: string
  class_number: number
  session_number: number
  project_id: string
  coordinator_id: string | null
}

/** The columns of one side, from aliases k (class), s (session), p (project). */
const SIDE = `k.id, k.instructor_id, to_char(k.date, 'YYYY-MM-DD') AS date, to_char(k.start_time, 'HH24:MI') AS start_time,
  to_char(k.end_time, 'HH24:MI') AS end_time, k.status, k.class_number, s.session_number, s.project_id,
  COALESCE(s.coordinator_id, p.coordinator_id, p.project_manager_id, p.operator_id) AS coordinator_id`
const LIVE_SIDE = `k.deleted_at IS NULL AND k.status <> 'CANCELLED' AND k.instructor_id IS NOT NULL AND s.deleted_at IS NULL AND p.deleted_at IS NULL`

/**
 * Re-checks the classes a push touched (directly, or through their 차수 or project) and brings `instructor_clashes` up
 * to date: clashing pairs are inserted or refreshed, pairs of these classes that no longer clash are soft-deleted.
 * Appends the change_log entries; returns the ids of the rows written (the poke audience).
 */
export async function checkInstructorClashes(db: Queryable, triggers: ClashTriggers, now: string): Promise<string[]> {
  if (triggers.classIds.size + triggers.sessionIds.size + triggers.projectIds.size === 0) return []
  const { rows: classRows } = await db.query<{ id: string }>(
    `SELECT id FROM training_classes WHERE id = ANY($1::uuid[])
     UNION SELECT id FROM training_classes WHERE session_id = ANY($2::uuid[])
     UNION SELECT k.id FROM training_classes k JOIN training_sessions s ON s.id = k.session_id WHERE s.project_id = ANY($3::uuid[])`,
    [[...triggers.classIds], [...triggers.sessionIds], [...triggers.projectIds]],
  )
  const classIds = classRows.map((r) => r.id)
  if (classIds.length === 0) return []

  // Lock every instructor these classes name now or named in a recorded clash (a class moved to another instructor
  // resolves its old pairs), in a fixed order so two pushes cannot deadlock on each other.
  await db.query(
    `SELECT pg_advisory_xact_lock(${INSTRUCTOR_LOCK_CLASS}, hashtext(x::text)) FROM (
       SELECT instructor_id AS x FROM training_classes WHERE id = ANY($1::uuid[]) AND instructor_id IS NOT NULL
       UNION SELECT instructor_id FROM instructor_clashes WHERE (class_a_id = ANY($1::uuid[]) OR class_b_id = ANY($1::uuid[])) AND deleted_at IS NULL
       ORDER BY 1) locks`,
    [classIds],
  )

  const { rows: pairs } = await db.query<{ mine: ClassSide; other: ClassSide }>(
    `WITH mine AS (
       SELECT ${SIDE} FROM training_classes k JOIN training_sessions s ON s.id = k.session_id JOIN projects p ON p.id = s.project_id
        WHERE k.id = ANY($1::uuid[]) AND ${LIVE_SIDE})
     SELECT row_to_json(m) AS mine, row_to_json(o) AS other FROM mine m
       CROSS JOIN LATERAL (
         SELECT ${SIDE} FROM training_classes k JOIN training_sessions s ON s.id = k.session_id JOIN projects p ON p.id = s.project_id
          WHERE k.instructor_id = m.instructor_id::uuid AND k.date = m.date::date AND k.id <> m.id
            AND k.start_time < m.end_time::time AND k.end_time > m.start_time::time AND ${LIVE_SIDE}) o`,
    [classIds],
  )

  const records = new Map<string, Record<string, unknown>>()
  for (const { mine, other } of pairs) {
    // The shared rule decides; the query only narrowed the candidates.
    const window = instructorClash(slotOf(mine), slotOf(other))
    if (!window) continue
    const [aId] = clashPair(mine.id, other.id)
    const [a, b] = aId === mine.id.toLowerCase() ? [mine, other] : [other, mine]
    const id = instructorClashId(a.id, b.id)
    records.set(id, {
      id,
      created_at: now,
      updated_at: now,
      instructor_id: a.instructor_id,
      date: window.date,
      overlap_start: window.start,
      overlap_end: window.end,
      ...sideColumns('a', a),
      ...sideColumns('b', b),
      detected_at: now,
      checked_at: now,
    })
  }

  const written: string[] = []
  if (records.size > 0) {
    const list = [...records.values()]
    const columns = Object.keys(list[0]!)
    const refreshed = columns.filter((c) => !['id', 'created_at', 'detected_at'].includes(c))
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO instructor_clashes (${columns.join(', ')})
       SELECT ${columns.join(', ')} FROM json_populate_recordset(NULL::instructor_clashes, $1::json)
       ON CONFLICT (id) DO UPDATE SET ${refreshed.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
         detected_at = CASE WHEN instructor_clashes.deleted_at IS NULL THEN instructor_clashes.detected_at ELSE EXCLUDED.detected_at END,
         deleted_at = NULL, deleted_by = NULL
       RETURNING id`,
      [JSON.stringify(list)],
    )
    written.push(...rows.map((r) => r.id))
  }
  // Pairs of these classes recorded earlier that the check did not find again: resolved.
  const { rows: resolved } = await db.query<{ id: string }>(
    `UPDATE instructor_clashes SET deleted_at = $3, updated_at = $3, checked_at = $3
      WHERE deleted_at IS NULL AND (class_a_id = ANY($1::uuid[]) OR class_b_id = ANY($1::uuid[])) AND NOT (id = ANY($2::uuid[]))
      RETURNING id`,
    [classIds, [...records.keys()], now],
  )
  written.push(...resolved.map((r) => r.id))
  const log: ChangeLogEntry[] = written.map((rowId) => ({ table: 'instructor_clashes', rowId, audienceUserId: null, kind: 'change' }))
  await appendChangeLog(db, log)
  return written
}

function slotOf(side: ClassSide) {
  return {
    id: side.id,
    date: side.date,
    startTime: side.start_time,
    endTime: side.end_time,
    instructorId: side.instructor_id,
    status: side.status,
    deleted: false,
  }
}

function sideColumns(letter: 'a' | 'b', side: ClassSide): Record<string, unknown> {
  return {
    [`class_${letter}_id`]: side.id,
    [`project_${letter}_id`]: side.project_id,
    [`session_${letter}_number`]: side.session_number,
    [`class_${letter}_number`]: side.class_number,
    [`start_${letter}`]: side.start_time,
    [`end_${letter}`]: side.end_time,
    [`coordinator_${letter}_id`]: side.coordinator_id,
  }
}
