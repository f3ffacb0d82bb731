/** activities: the timeline of calls, e-mails, meetings, notes, tasks and KakaoTalk messages. */
import { type ActivityEntityType, type ActivityType } from '../../shared/model/enums'
import { DAY_MS, instantBetween, isoTimestamp, kstDate, nextWorkday, officeInstant } from '../clock'
import { commonColumns, idMaker, type WireRow } from '../context'
import { ACTIVITY_OUTCOMES, ACTIVITY_SUBJECTS, NEXT_ACTIONS } from '../hrd-data'
import { type DemoState } from '../state'

const TYPE_WEIGHTS: readonly (readonly [ActivityType, number])[] = [
  ['CALL', 30],
  ['EMAIL', 28],
  ['MEETING', 10],
  ['NOTE', 12],
  ['TASK', 8],
  ['KAKAO', 12],
]

export function buildActivities(state: DemoState): WireRow[] {
  const { ctx } = state
  const random = ctx.random('activities')
  const newId = idMaker(ctx, 'activities')
  const rows: WireRow[] = []
  const add = (entityType: ActivityEntityType, entityId: string, owner: string, fromMs: number, toMs: number, about: string): void => {
    const type = random.weighted(TYPE_WEIGHTS)
    const day = nextWorkday(kstDate(instantBetween(random, fromMs, Math.max(fromMs, toMs), 1.4)))
    const startMs = Math.min(toMs, Math.max(fromMs, officeInstant(random, day)))
    const minutes = type === 'CALL' ? random.int(2, 30) : type === 'MEETING' ? random.pick([30, 60, 90]) : type === 'TASK' ? random.pick([30, 60, 120]) : null
    const timed = type === 'CALL' || type === 'MEETING'
    const endMs = timed && minutes !== null ? Math.min(ctx.nowMs, startMs + minutes * 60_000) : null
    const deleted = random.chance(0.01)
    rows.push({
      ...commonColumns({
        id: newId(startMs),
        createdMs: startMs,
        updatedMs: endMs ?? startMs,
        createdBy: owner,
        deletedMs: deleted ? Math.min(ctx.nowMs, startMs + random.int(1, 72) * 3_600_000) : null,
      }),
      entity_type: entityType,
      entity_id: entityId,
      activity_type: type,
      subject: `${random.pick(ACTIVITY_SUBJECTS[type])} (${about})`,
      description: type === 'NOTE' ? `${about} 관련 메모: ${random.pick(ACTIVITY_OUTCOMES)}` : null,
      start_time: type === 'NOTE' ? null : isoTimestamp(startMs),
      end_time: endMs === null ? null : isoTimestamp(endMs),
      duration: minutes,
      outcome: type === 'NOTE' || type === 'TASK' ? null : random.pick(ACTIVITY_OUTCOMES),
      next_action: random.chance(0.4) ? random.pick(NEXT_ACTIONS) : null,
    })
  }
  const until = ctx.nowMs - 60_000
  for (const company of state.companies) {
    const n = company.status === 'PROSPECT' ? random.int(0, 2) : random.int(1, 3)
    for (let i = 0; i < n; i++) add('COMPANY', company.id, company.accountManagerId, company.createdMs, until, company.shortName)
    for (const contact of random.sample(company.contacts, Math.min(company.contacts.length, random.int(0, 2)))) {
      add('CONTACT', contact.id, company.accountManagerId, contact.createdMs, until, `${contact.fullName} ${contact.position}`)
    }
  }
  for (const lead of state.leads) {
    if (!lead.ownerId || lead.converted) continue
    for (let i = random.int(0, 2); i > 0; i--) add('LEAD', lead.id, lead.ownerId, lead.createdMs, until, lead.companyName)
  }
  for (const opportunity of state.opportunities) {
    const closed = opportunity.stage === 'CLOSED_WON' || opportunity.stage === 'CLOSED_LOST'
    const end = closed ? Math.min(until, opportunity.closeMs + 3 * DAY_MS) : until
    for (let i = random.int(1, 3); i > 0; i--) add('OPPORTUNITY', opportunity.id, opportunity.accountManagerId, opportunity.createdMs, end, opportunity.title)
  }
  for (const project of state.projects) {
    for (let i = random.int(0, 3); i > 0; i--) {
      add('PROJECT', project.id, random.chance(0.6) ? project.coordinatorId : project.managerId, project.createdMs, until, project.name)
    }
  }
  return rows
}
