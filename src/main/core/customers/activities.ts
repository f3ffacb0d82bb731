/**
 * Activities (전화, 이메일, 미팅, 메모, 할 일, 카카오톡) logged against a company, contact, lead, opportunity or project,
 * and the timeline that merges them with record history ("등록", "수정" by whom, from the rows' who-columns).
 *
 * A company's timeline also gathers what happened on its contacts, opportunities and projects: that is where a
 * consultant looks before a visit.
 */
import { displayName } from '../../../shared/domain/korean-name'
import { uuidv7 } from '../../../shared/ids/uuidv7'
import { type TimelineEntry } from '../../../shared/model/customer-views'
import { type ActivityEntityType, type ActivityType } from '../../../shared/model/enums'
import { type activityLogSchema, type activityUpdateSchema } from '../../../shared/model/validation/customers'
import { toWireFields } from '../common/wire'
import { type z } from 'zod'
import { type Writer } from '../outbox/writer'
import { type Sqlite } from '../sqlite'
import { RecordNotFoundError } from '../common/errors'
import { type PeopleDirectory } from '../common/people'

export type ActivityLog = z.output<typeof activityLogSchema>
export type ActivityUpdate = z.output<typeof activityUpdateSchema>

export interface ActivitiesRepo {
  log(input: ActivityLog): string
  /** Fixes a mistaken log: only the changed fields go to the writer (and the outbox), so a colleague's edit survives. */
  update(id: string, changes: ActivityUpdate): boolean
  timeline(entityType: ActivityEntityType, entityId: string, limit: number): TimelineEntry[]
}

interface Target {
  readonly type: ActivityEntityType
  readonly id: string
  /** As SQL gives it (a contact's "family␟given"): labelOf makes it readable for the entries kept. */
  readonly rawLabel: string
  readonly createdAt: string
  readonly createdBy: string | null
  readonly updatedAt: string
  readonly updatedBy: string | null
}

/** A timeline entry before the cut: an activity, or a record's creation or last edit. */
type Candidate =
  | { readonly kind: 'activity'; readonly at: string; readonly row: ActivityRow; readonly target: Target | undefined }
  | { readonly kind: 'created' | 'updated'; readonly at: string; readonly target: Target }

interface HistoryRow {
  id: string
  label: string
  created_at: string
  created_by: string | null
  updated_at: string
  updated_by: string | null
}

interface ActivityRow {
  id: string
  entity_type: ActivityEntityType
  entity_id: string
  activity_type: ActivityType
  subject: string | null
  description: string | null
  created_at: string
  created_by: string | null
}

const WHO = 'created_at, created_by, updated_at, updated_by'

/** Label SQL per entity type: what a person would call the record. */
const SOURCES: Record<ActivityEntityType, { table: string; label: string }> = {
  COMPANY: { table: 'companies', label: 'name' },
  CONTACT: { table: 'contacts', label: 'last_name || char(31) || first_name' },
  LEAD: { table: 'leads', label: 'company_name' },
  OPPORTUNITY: { table: 'opportunities', label: 'title' },
  PROJECT: { table: 'projects', label: 'name' },
}

/** Contact labels come back as "family␟given" so displayName can order them (홍길동, John Smith). */
function labelOf(type: ActivityEntityType, raw: string): string {
  if (type !== 'CONTACT') return raw
  const [lastName = '', firstName = ''] = raw.split('\u001f')
  return displayName({ lastName, firstName })
}

export function createActivitiesRepo({ sqlite, writer, people }: { sqlite: Sqlite; writer: Writer; people: PeopleDirectory }): ActivitiesRepo {
  const one = Object.fromEntries(
    Object.entries(SOURCES).map(([type, { table, label }]) => [
      type,
      sqlite.prepare<[string], HistoryRow>(`SELECT id, ${label} AS label, ${WHO} FROM ${table} WHERE id = ? AND deleted_at IS NULL`),
    ]),
  ) as Record<ActivityEntityType, ReturnType<typeof sqlite.prepare<[string], HistoryRow>>>

  const companyChildren: Array<{ type: ActivityEntityType; statement: ReturnType<typeof sqlite.prepare<[string], HistoryRow>> }> = [
    {
      type: 'CONTACT',
      statement: sqlite.prepare(
        `SELECT p.id, p.last_name || char(31) || p.first_name AS label, p.created_at, p.created_by, p.updated_at, p.updated_by
         FROM contacts p JOIN branches b ON b.id = p.branch_id WHERE b.company_id = ? AND p.deleted_at IS NULL`,
      ),
    },
    {
      type: 'OPPORTUNITY',
      statement: sqlite.prepare(`SELECT id, title AS label, ${WHO} FROM opportunities WHERE company_id = ? AND deleted_at IS NULL`),
    },
    {
      type: 'PROJECT',
      statement: sqlite.prepare(`SELECT id, name AS label, ${WHO} FROM projects WHERE company_id = ? AND deleted_at IS NULL`),
    },
  ]

  const activityExists = sqlite.prepare<[string], { id: string }>('SELECT id FROM activities WHERE id = ? AND deleted_at IS NULL')

  // One statement for any set of records: the [type, id] pairs travel as one JSON array parameter. CROSS JOIN keeps
  // the pairs as the outer loop, so each is one lookup on activities_entity_idx (entity_type, entity_id): without it,
  // and without statistics (the app kept none before src/main/db/statistics.ts), SQLite served ORDER BY … LIMIT by
  // walking every activity of the replica in created_at order (issue 20).
  const activitiesOf = sqlite.prepare<[string, number], ActivityRow>(
    `SELECT a.id, a.entity_type, a.entity_id, a.activity_type, a.subject, a.description, a.created_at, a.created_by
     FROM json_each(?) t CROSS JOIN activities a
     WHERE a.entity_type = t.value ->> 0 AND a.entity_id = t.value ->> 1 AND a.deleted_at IS NULL
     ORDER BY a.created_at DESC, a.id DESC LIMIT ?`,
  )

  const toTarget = (type: ActivityEntityType, row: HistoryRow): Target => ({
    type,
    id: row.id,
    rawLabel: row.label,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  })

  const targetsOf = (entityType: ActivityEntityType, entityId: string): Target[] => {
    const self = one[entityType].get(entityId)
    if (!self) throw new RecordNotFoundError(`No ${entityType} ${entityId}`)
    const targets = [toTarget(entityType, self)]
    if (entityType === 'COMPANY') {
      for (const { type, statement } of companyChildren) for (const row of statement.all(entityId)) targets.push(toTarget(type, row))
    }
    return targets
  }

  return {
    log(input) {
      if (!one[input.entityType].get(input.entityId)) throw new RecordNotFoundError(`No ${input.entityType} ${input.entityId}`)
      const id = uuidv7()
      writer.upsert('activities', id, {
        entity_type: input.entityType,
        entity_id: input.entityId,
        activity_type: input.activityType,
        subject: input.subject,
        description: input.description ?? null,
        outcome: input.outcome ?? null,
        next_action: input.nextAction ?? null,
        duration: input.duration ?? null,
        start_time: new Date().toISOString(),
      })
      return id
    },

    update(id, changes) {
      if (!activityExists.get(id)) throw new RecordNotFoundError(`No activity ${id}`)
      const fields = toWireFields(changes)
      if (Object.keys(fields).length === 0) return false
      return writer.upsert('activities', id, fields) !== null
    },

    timeline(entityType, entityId, limit) {
      const targets = targetsOf(entityType, entityId)
      const byId = new Map(targets.map((target) => [target.id, target]))
      // Candidates stay light (a time, a kind, what they point at) until the newest `limit` are known: a company with
      // hundreds of contacts has twice as many history candidates as contacts, and shows 100. Only the kept ones get
      // their label and their author's name, the names read in one statement (a lookup per entry made the page's
      // statement count grow with the company, issue 20).
      const candidates: Candidate[] = []
      for (const row of activitiesOf.all(JSON.stringify(targets.map((t) => [t.type, t.id])), limit)) {
        candidates.push({ kind: 'activity', at: row.created_at, row, target: byId.get(row.entity_id) })
      }
      for (const target of targets) {
        candidates.push({ kind: 'created', at: target.createdAt, target })
        if (target.updatedAt > target.createdAt) candidates.push({ kind: 'updated', at: target.updatedAt, target })
      }
      // Newest first; at equal times an activity reads better above the record edit it came with.
      candidates.sort((a, b) => (a.at === b.at ? (a.kind === 'activity' ? -1 : b.kind === 'activity' ? 1 : 0) : a.at < b.at ? 1 : -1))
      const kept = candidates.slice(0, limit)
      const actorOf = (c: Candidate): string | null =>
        c.kind === 'activity' ? c.row.created_by : c.kind === 'created' ? c.target.createdBy : c.target.updatedBy
      const names = people.namesOf(kept.map(actorOf))
      return kept.map((c): TimelineEntry => {
        const actor = actorOf(c)
        const actorName = actor ? (names.get(actor) ?? null) : null
        if (c.kind === 'activity') {
          return {
            key: c.row.id,
            kind: 'activity',
            at: c.at,
            actorName,
            activityType: c.row.activity_type,
            subject: c.row.subject,
            description: c.row.description,
            entityType: c.row.entity_type,
            entityId: c.row.entity_id,
            entityLabel: c.target ? labelOf(c.target.type, c.target.rawLabel) : '',
          }
        }
        const { target } = c
        return {
          key: `${c.kind}:${target.id}`,
          kind: c.kind,
          at: c.at,
          actorName,
          activityType: null,
          subject: null,
          description: null,
          entityType: target.type,
          entityId: target.id,
          entityLabel: labelOf(target.type, target.rawLabel),
        }
      })
    },
  }
}
