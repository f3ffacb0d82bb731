/**
 * Every attendance mark this device holds (the user's scope), for the attendance export and the "everything I can
 * see" workbook: project, 차수, 분반 and its day, the trainee, the mark and who recorded it. Newest class first.
 */
import { displayName } from '../../../shared/domain/korean-name'
import { type AttendanceListItem } from '../../../shared/ipc/transfer-types'
import { type AttendanceStatus } from '../../../shared/model/enums'
import { type Sqlite } from '../sqlite'

interface Row {
  id: string
  project_name: string
  session_number: number
  class_number: number
  class_name: string | null
  date: string
  trainee_last: string
  trainee_first: string
  employee_number: string | null
  company_name: string | null
  status: AttendanceStatus
  minutes_attended: number | null
  recorded_at: string
  recorder_last: string | null
  recorder_first: string | null
}

export function createAttendanceList(sqlite: Sqlite): { list(): AttendanceListItem[] } {
  const rows = sqlite.prepare<[], Row>(
    `SELECT a.id, p.name AS project_name, s.session_number, k.class_number, k.name AS class_name, k.date,
            t.last_name AS trainee_last, t.first_name AS trainee_first, t.employee_number, c.name AS company_name,
            a.status, a.minutes_attended, a.recorded_at, u.last_name AS recorder_last, u.first_name AS recorder_first
       FROM attendance_records a
       JOIN training_classes k ON k.id = a.class_id AND k.deleted_at IS NULL
       JOIN training_sessions s ON s.id = k.session_id AND s.deleted_at IS NULL
       JOIN projects p ON p.id = s.project_id AND p.deleted_at IS NULL
       JOIN trainees t ON t.id = a.trainee_id
       LEFT JOIN companies c ON c.id = t.company_id AND c.deleted_at IS NULL
       LEFT JOIN users u ON u.id = a.recorded_by
      WHERE a.deleted_at IS NULL
      ORDER BY k.date DESC, p.name, s.session_number, k.class_number, t.last_name || t.first_name, a.id`,
  )
  return {
    list: () =>
      rows.all().map((r) => ({
        id: r.id,
        projectName: r.project_name,
        sessionNumber: r.session_number,
        classNumber: r.class_number,
        className: r.class_name,
        date: r.date,
        traineeName: displayName({ lastName: r.trainee_last, firstName: r.trainee_first }),
        employeeNumber: r.employee_number,
        companyName: r.company_name,
        status: r.status,
        minutesAttended: r.minutes_attended,
        recordedAt: r.recorded_at,
        recordedByName: r.recorder_last !== null ? displayName({ lastName: r.recorder_last, firstName: r.recorder_first ?? '' }) : null,
      })),
  }
}
