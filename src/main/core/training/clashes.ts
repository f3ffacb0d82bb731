/**
 * Instructor double bookings the sync server recorded across projects, read from the replica's `instructor_clashes`
 * (written by the server only; sync-server/src/sync/instructor-clashes.ts), for the project page, the class dialog and
 * the coordinator's home. The device's own check (`doubleBookings`, training-projects.ts) sees only the projects on
 * this device; these rows add the clashes with projects it does not hold.
 *
 * "Checked when": the server checks a class in the push that carries its change, so a device that finished a sync at
 * T has every clash the server knew at T (a clash row pulled since carries its own, later, check time); a class with
 * changes still in the outbox is "not yet checked".
 */
import { displayName } from '../../../shared/domain/korean-name'
import { type ClashSide, type ServerClash, type ServerClashReport } from '../../../shared/ipc/clash-types'
import { createUserNames, type RepoContext } from '../common/context'

export interface ClashReader {
  /** Live clashes involving a class of the project, from the project's point of view. */
  forProject(projectId: string): ServerClashReport
  /** Live clashes dated `from` on involving any of `projectIds` (the coordinator's), from their point of view. */
  forProjects(projectIds: readonly string[], from: string): ServerClashReport
}

interface ClashRow {
  id: string
  instructor_id: string
  date: string
  overlap_start: string
  overlap_end: string
  detected_at: string
  class_a_id: string
  project_a_id: string
  session_a_number: number
  class_a_number: number
  start_a: string
  end_a: string
  coordinator_a_id: string | null
  class_b_id: string
  project_b_id: string
  session_b_number: number
  class_b_number: number
  start_b: string
  end_b: string
  coordinator_b_id: string | null
  instructor_last: string | null
  instructor_first: string | null
}

const CLASH_SELECT = `SELECT c.*, i.last_name AS instructor_last, i.first_name AS instructor_first
   FROM instructor_clashes c LEFT JOIN instructors i ON i.id = c.instructor_id
  WHERE c.deleted_at IS NULL`

export function createClashReader(ctx: RepoContext): ClashReader {
  const { sqlite } = ctx
  const names = createUserNames(sqlite)
  const ofProjects = sqlite.prepare<{ from: string; ids: string }, ClashRow>(
    `${CLASH_SELECT} AND c.date >= @from
        AND (c.project_a_id IN (SELECT value FROM json_each(@ids)) OR c.project_b_id IN (SELECT value FROM json_each(@ids)))
      ORDER BY c.date, c.overlap_start, c.id`,
  )
  const projectName = sqlite.prepare<[string], { name: string }>('SELECT name FROM projects WHERE id = ? AND deleted_at IS NULL')
  const lastSync = sqlite.prepare<[], { value: string | null }>(`SELECT value FROM sync_state WHERE key = 'last_sync_at'`)
  // A row pulled in this sync carries the server's check time, newer than last_sync_at until the sync ends.
  const latestRowCheck = sqlite.prepare<{ ids: string }, { at: string | null }>(
    `SELECT MAX(checked_at) AS at FROM instructor_clashes
      WHERE project_a_id IN (SELECT value FROM json_each(@ids)) OR project_b_id IN (SELECT value FROM json_each(@ids))`,
  )
  const pendingClasses = sqlite.prepare<[string], { id: string }>(
    `SELECT DISTINCT o.row_id AS id FROM outbox o
       JOIN training_classes k ON k.id = o.row_id
       JOIN training_sessions s ON s.id = k.session_id
      WHERE o.status = 'pending' AND o.table_name = 'training_classes' AND s.project_id IN (SELECT value FROM json_each(?))`,
  )

  const side = (row: ClashRow, letter: 'a' | 'b'): ClashSide => {
    const projectId = letter === 'a' ? row.project_a_id : row.project_b_id
    const coordinator = letter === 'a' ? row.coordinator_a_id : row.coordinator_b_id
    return {
      classId: letter === 'a' ? row.class_a_id : row.class_b_id,
      projectId,
      projectName: projectName.get(projectId)?.name ?? null,
      sessionNumber: letter === 'a' ? row.session_a_number : row.session_b_number,
      classNumber: letter === 'a' ? row.class_a_number : row.class_b_number,
      startTime: letter === 'a' ? row.start_a : row.start_b,
      endTime: letter === 'a' ? row.end_a : row.end_b,
      coordinatorName: coordinator ? (names([coordinator]).get(coordinator) ?? null) : null,
    }
  }

  const report = (projectIds: readonly string[], from: string): ServerClashReport => {
    const ids = JSON.stringify(projectIds)
    const mineSet = new Set(projectIds)
    const clashes: ServerClash[] = ofProjects.all({ from, ids }).map((row) => {
      // The reader's class is the side in their projects (side A when both are).
      const mineIsA = mineSet.has(row.project_a_id)
      return {
        id: row.id,
        instructorName:
          row.instructor_last !== null && row.instructor_first !== null
            ? displayName({ lastName: row.instructor_last, firstName: row.instructor_first })
            : null,
        date: row.date,
        overlapStart: row.overlap_start,
        overlapEnd: row.overlap_end,
        mine: side(row, mineIsA ? 'a' : 'b'),
        other: side(row, mineIsA ? 'b' : 'a'),
        detectedAt: row.detected_at,
      }
    })
    const synced = lastSync.get()?.value ?? null
    const rowChecked = synced === null ? null : (latestRowCheck.get({ ids })?.at ?? null)
    return {
      lastCheckedAt: rowChecked !== null && rowChecked > (synced ?? '') ? rowChecked : synced,
      uncheckedClassIds: pendingClasses.all(ids).map((r) => r.id),
      clashes,
    }
  }

  return {
    forProject: (projectId) => report([projectId], ''),
    forProjects: report,
  }
}
