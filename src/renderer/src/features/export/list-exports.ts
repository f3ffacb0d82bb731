/**
 * The lists that had no export (담당자, 영업기회, 프로젝트, 출결, KPI), each as columns with the screen's language headers
 * and rows built from what the device holds, plus "everything I can see" (전체 내보내기): one workbook with a sheet
 * per list. The files are built in main by the same code as every other export (core/transfer/export.ts).
 *
 * What "I can see" means is the replica itself: it holds exactly the user's sync scope (docs/architecture.md §7), so
 * every sheet is read unfiltered from it.
 */
import { type TFunction } from 'i18next'
import { formatPhone } from '../../../../shared/domain/phone'
import { toIsoDate } from '../../../../shared/domain/dates'
import { type KpiAchievementRow } from '../../../../shared/ipc/kpi-types'
import { type OpportunityCard } from '../../../../shared/ipc/sales-types'
import { type ClassRoster, type ProjectSummary } from '../../../../shared/ipc/training-types'
import { type AttendanceListItem } from '../../../../shared/ipc/transfer-types'
import { type ContactListItem } from '../../../../shared/model/contact-directory'
import { type ExportColumn, type ExportRow } from '../../components/ExportButton'
import { api } from '../../lib/api'
import { type koExports } from '../../i18n/locales/ko-exports'
import { storedFiscalStart } from '../../lib/fiscal-year'
import { companyExportColumns, companyExportRows } from '../customers'
import { meetingExportColumns, meetingExportRows } from '../meetings'
import { stageLabel } from '../opportunities'

type Columns = (typeof koExports)['exports']['columns']

function cols<L extends keyof Columns>(
  t: TFunction,
  list: L,
  keys: ReadonlyArray<keyof Columns[L] & string>,
  kinds: Partial<Record<keyof Columns[L] & string, ExportColumn['kind']>> = {},
): ExportColumn[] {
  return keys.map((key) => {
    const kind = kinds[key]
    return { key, header: t(`exports.columns.${list}.${key}` as 'exports.columns.contacts.name'), ...(kind ? { kind } : {}) }
  })
}

export const contactExportColumns = (t: TFunction): ExportColumn[] =>
  cols(t, 'contacts', ['company', 'branch', 'name', 'department', 'position', 'title', 'mobile', 'phone', 'email', 'primary', 'lastContacted'])

export const contactExportRows = (t: TFunction, contacts: readonly ContactListItem[]): ExportRow[] =>
  contacts.map((c) => ({
    company: c.companyName,
    branch: c.branchName,
    name: c.name,
    department: c.department,
    position: c.position,
    title: c.title,
    mobile: c.mobile ? formatPhone(c.mobile) : null,
    phone: c.phone ? formatPhone(c.phone) : null,
    email: c.email,
    primary: c.isPrimary ? t('exports.yes') : '',
    lastContacted: c.lastContactedOn,
  }))

export const opportunityExportColumns = (t: TFunction): ExportColumn[] =>
  cols(
    t,
    'opportunities',
    ['code', 'title', 'company', 'stage', 'amount', 'probability', 'expected', 'expectedClose', 'closedOn', 'owner', 'team', 'nextAction'],
    {
      amount: 'won',
      expected: 'won',
      probability: 'number',
    },
  )

export const opportunityExportRows = (language: string, cards: readonly OpportunityCard[]): ExportRow[] =>
  cards.map((c) => ({
    code: c.code,
    title: c.title,
    company: c.companyName,
    stage: stageLabel(c.stage, language),
    amount: c.amount,
    probability: c.probability,
    expected: c.expectedAmount,
    expectedClose: c.expectedCloseDate,
    closedOn: c.actualCloseDate,
    owner: c.accountManagerName,
    team: c.teamName,
    nextAction: c.nextAction,
  }))

export const projectExportColumns = (t: TFunction): ExportColumn[] =>
  cols(t, 'projects', ['code', 'name', 'company', 'status', 'phase', 'priority', 'start', 'end', 'progress', 'revenue', 'margin', 'marginPercent'], {
    progress: 'number',
    revenue: 'won',
    margin: 'won',
    marginPercent: 'number',
  })

export const projectExportRows = (t: TFunction, projects: readonly ProjectSummary[]): ExportRow[] =>
  projects.map((p) => ({
    code: p.code,
    name: p.name,
    company: p.companyName,
    status: t(`projects.statuses.${p.status}`),
    phase: p.phase ? t(`projects.phases.${p.phase}`) : null,
    priority: t(`projects.priorities.${p.priority}`),
    start: p.startDate,
    end: p.endDate,
    progress: p.progress,
    revenue: p.revenue,
    margin: p.margin,
    marginPercent: p.marginPercent,
  }))

export const attendanceExportColumns = (t: TFunction): ExportColumn[] =>
  cols(t, 'attendance', ['date', 'project', 'session', 'class', 'trainee', 'employeeNumber', 'company', 'status', 'minutes', 'recordedBy', 'recordedAt'], {
    session: 'number',
    class: 'number',
    minutes: 'number',
  })

export const attendanceExportRows = (t: TFunction, marks: readonly AttendanceListItem[]): ExportRow[] =>
  marks.map((m) => ({
    date: m.date,
    project: m.projectName,
    session: m.sessionNumber,
    class: m.classNumber,
    trainee: m.traineeName,
    employeeNumber: m.employeeNumber,
    company: m.companyName,
    status: t(`attendance.statuses.${m.status}`),
    minutes: m.minutesAttended,
    recordedBy: m.recordedByName,
    recordedAt: m.recordedAt,
  }))

export const kpiExportColumns = (t: TFunction): ExportColumn[] =>
  cols(t, 'kpi', ['kpi', 'owner', 'period', 'target', 'minimum', 'stretch', 'actual', 'achievement', 'weight', 'source'], {
    target: 'number',
    minimum: 'number',
    stretch: 'number',
    actual: 'number',
    achievement: 'number',
    weight: 'number',
  })

export const kpiExportRows = (t: TFunction, rows: readonly KpiAchievementRow[]): ExportRow[] =>
  rows.map((r) => ({
    kpi: r.kpiName,
    owner: r.ownerLabel,
    period: r.periodLabel,
    target: r.target,
    minimum: r.minimum,
    stretch: r.stretch,
    actual: r.actual,
    achievement: r.achievementPercent,
    weight: r.weight,
    source: t(`exports.kpiSource.${r.actualSource ?? 'none'}`),
  }))

export interface ExportSheet {
  readonly name: string
  readonly columns: readonly ExportColumn[]
  readonly rows: readonly ExportRow[]
}

/**
 * Every list this user can see, one sheet each, read from the replica when asked. KPIs are this period's, for the
 * widest audience the user may look at (a manager their team, an executive the company).
 */
export async function everythingSheets(t: TFunction, language: string, today: Date = new Date()): Promise<ExportSheet[]> {
  const on = toIsoDate(today)
  const [companies, contacts, leads, board, projects, meetings, attendance, kpiLists] = await Promise.all([
    companyExportRows(t, {}, 'name'),
    api.contacts.list(),
    api.leads.list({}),
    api.opportunities.board(),
    api.projects.list({}),
    api.meetings.list({ mine: false }),
    api.export.attendance(),
    api.kpi.definitions(),
  ])
  const audience = kpiLists.audiences[kpiLists.audiences.length - 1] ?? 'me'
  const kpi = await api.kpi.achievements({ on, period: 'MONTH', audience, fiscalStartMonth: storedFiscalStart() })
  const sheet = (key: keyof (typeof koExports)['exports']['sheets'], columns: readonly ExportColumn[], rows: readonly ExportRow[]): ExportSheet => ({
    name: t(`exports.sheets.${key}`),
    columns,
    rows,
  })
  return [
    sheet('companies', companyExportColumns(t), companies),
    sheet('contacts', contactExportColumns(t), contactExportRows(t, contacts)),
    sheet(
      'leads',
      cols(t, 'leads', ['code', 'company', 'contact', 'status', 'bantScore', 'assignedTo', 'createdAt'], { bantScore: 'number' }),
      leads.leads.map((l) => ({
        code: l.code,
        company: l.companyName,
        contact: l.contactName,
        status: t(`leads.statuses.${l.status}`),
        bantScore: l.bantScore,
        assignedTo: l.assignedToName,
        createdAt: toIsoDate(new Date(l.createdAt)),
      })),
    ),
    sheet(
      'opportunities',
      opportunityExportColumns(t),
      opportunityExportRows(
        language,
        board.flatMap((column) => column.cards),
      ),
    ),
    sheet('projects', projectExportColumns(t), projectExportRows(t, projects)),
    sheet('meetings', meetingExportColumns(t), meetingExportRows(t, meetings)),
    sheet('attendance', attendanceExportColumns(t), attendanceExportRows(t, attendance)),
    sheet('kpi', kpiExportColumns(t), kpiExportRows(t, kpi.rows)),
  ]
}

/**
 * One class's roster as the attendance export: every enrolled trainee, the unmarked ones too (미체크), so the file
 * is the sheet a coordinator hands over; the attendance columns of the workbook, the company being the class's.
 */
export const rosterExportRows = (t: TFunction, roster: ClassRoster): ExportRow[] =>
  roster.entries.map((e) => ({
    date: roster.date,
    project: roster.projectName,
    session: roster.sessionNumber,
    class: roster.classNumber,
    trainee: e.name,
    employeeNumber: e.employeeNumber,
    company: roster.companyName,
    status: e.attendance ? t(`attendance.statuses.${e.attendance}`) : t('attendance.unmarked'),
    minutes: null,
    recordedBy: e.recordedByName,
    recordedAt: e.recordedAt,
  }))
