/** The training agenda: live classes over the next days, with their project and company (coordinator home, dashboard). */
import { addDays } from '../../../shared/domain/dates'
import { type AgendaClass } from '../../../shared/ipc/training-types'
import { type RepoContext } from '../common/context'
import { CLASS_COLUMNS, classViewOf, type ClassRow } from './project-rows'

export interface TrainingAgenda {
  /** Live classes dated from `from` for `days` days, by date and start time (at most 500). */
  agenda(from: string, days: number): AgendaClass[]
}

export function createTrainingAgenda(ctx: RepoContext): TrainingAgenda {
  const { sqlite } = ctx
  const agendaRows = sqlite.prepare<
    [string, string],
    ClassRow & { project_id: string; project_name: string | null; company_name: string | null; session_number: number }
  >(
    `SELECT ${CLASS_COLUMNS}, s.project_id, s.session_number, p.name AS project_name, c.name AS company_name
       FROM training_classes k
       JOIN training_sessions s ON s.id = k.session_id AND s.deleted_at IS NULL
       LEFT JOIN projects p ON p.id = s.project_id
       LEFT JOIN companies c ON c.id = p.company_id
       LEFT JOIN instructors i ON i.id = k.instructor_id
      WHERE k.deleted_at IS NULL AND k.date >= ? AND k.date < ?
      ORDER BY k.date, k.start_time, k.id LIMIT 500`,
  )

  return {
    agenda: (from, days) =>
      agendaRows.all(from, addDays(from, days)).map((row) => ({
        ...classViewOf(row),
        projectId: row.project_id,
        projectName: row.project_name ?? '',
        companyName: row.company_name,
        sessionNumber: row.session_number,
      })),
  }
}
