/** The meetings calendar: meetings and training classes dated in a range, in one list by date and start time. */
import { type ClassStatus } from '../../../shared/model/enums'
import { type CalendarEntry, type MeetingSummary } from '../../../shared/ipc/meetings-types'
import { type Sqlite } from '../sqlite'

export interface MeetingCalendar {
  /** Meetings (not deleted) and training classes dated in [from, to), by date and start time. */
  calendar(range: { readonly from: string; readonly to: string; readonly mine?: boolean }): CalendarEntry[]
}

export function createMeetingCalendar(sqlite: Sqlite, list: (filter: { from: string; to: string; mine: boolean }) => MeetingSummary[]): MeetingCalendar {
  const classesIn = sqlite.prepare<
    [string, string],
    {
      id: string
      date: string
      start_time: string
      end_time: string
      class_number: number
      name: string | null
      status: ClassStatus
      project_id: string
      project_name: string | null
      session_number: number
      session_name: string | null
      company_name: string | null
    }
  >(
    `SELECT k.id, k.date, k.start_time, k.end_time, k.class_number, k.name, k.status, s.project_id, p.name AS project_name,
            s.session_number, s.name AS session_name, c.name AS company_name
       FROM training_classes k
       JOIN training_sessions s ON s.id = k.session_id AND s.deleted_at IS NULL
       LEFT JOIN projects p ON p.id = s.project_id
       LEFT JOIN companies c ON c.id = p.company_id
      WHERE k.deleted_at IS NULL AND k.date >= ? AND k.date < ?
      ORDER BY k.date, k.start_time, k.id LIMIT 1000`,
  )

  return {
    calendar({ from, to, mine = false }) {
      const meetings: CalendarEntry[] = list({ from, to, mine }).map((m) => ({
        kind: 'meeting',
        id: m.id,
        date: m.date,
        startTime: m.startTime,
        endTime: m.endTime,
        title: m.title,
        companyName: m.companyName,
        status: m.status,
        type: m.type,
      }))
      const classes: CalendarEntry[] = classesIn.all(from, to).map((k) => ({
        kind: 'class',
        id: k.id,
        date: k.date,
        startTime: k.start_time,
        endTime: k.end_time,
        projectId: k.project_id,
        projectName: k.project_name ?? '',
        sessionNumber: k.session_number,
        sessionName: k.session_name,
        classNumber: k.class_number,
        className: k.name,
        companyName: k.company_name,
        status: k.status,
      }))
      return [...meetings, ...classes].sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime) || a.id.localeCompare(b.id))
    },
  }
}
