/**
 * Opportunities on the device: the pipeline board, stage moves with their history, won/lost with a reason.
 *
 * - Every stage change writes an opportunity_stage_history row in the same writer transaction as the stage, so "days
 *   in each stage" (stageDurations) is computed from history and never stored.
 * - Moving applies the new stage's default probability unless the user set one: a probability that differs from the
 *   current stage's default was typed by someone and is kept. Won/lost always take 100/0.
 * - The expected amount is expectedAmount(amount, probability), computed on read.
 */
import { type z } from 'zod'
import { todayIsoDate } from '../../../shared/domain/dates'
import { OPPORTUNITY_STAGE_DEFINITIONS, defaultProbability, expectedAmount, stageDefinition, stageDurations } from '../../../shared/domain/opportunity-stage'
import { type OpportunityStage, type OpportunityType } from '../../../shared/model/enums'
import {
  type opportunityCloseSchema,
  type opportunityCreateSchema,
  type opportunityEditSchema,
  type opportunityMoveSchema,
} from '../../../shared/model/validation/sales'
import { type BoardColumn, type OpportunityCard, type OpportunityDetail, type StageHistoryEntry } from '../../../shared/ipc/sales-types'
import { newRecordCode } from '../../../shared/ids/record-code'
import { createUserNames, type Actor, type RepoContext } from '../common/context'
import { SalesRuleError } from './rules'

type Create = z.output<typeof opportunityCreateSchema>
type Edit = z.output<typeof opportunityEditSchema>
type Move = z.output<typeof opportunityMoveSchema>
type Close = z.output<typeof opportunityCloseSchema>

export interface OpportunitiesRepo {
  /** Every stage in board order, each with its cards (soonest close date first). */
  board(): BoardColumn[]
  get(id: string): OpportunityDetail
  create(input: Create): OpportunityDetail
  update(input: Edit): OpportunityDetail
  move(input: Move): OpportunityDetail
  close(input: Close): OpportunityDetail
  /** Companies to pick from when creating one. */
  companyOptions(): { id: string; name: string }[]
}

interface CardRow {
  id: string
  code: string
  title: string
  company_id: string
  company_name: string | null
  stage: OpportunityStage
  probability: number
  amount: number | null
  expected_close_date: string | null
  next_action: string | null
  next_action_date: string | null
  account_manager_id: string
  description: string | null
  type: OpportunityType | null
  actual_close_date: string | null
  close_reason: string | null
  sales_team_id: string | null
  team_name: string | null
}

interface HistoryRow {
  id: string
  from_stage: OpportunityStage | null
  to_stage: OpportunityStage
  changed_at: string
  changed_by: string
  reason: string | null
}

const CARD_COLUMNS = `o.id, o.code, o.title, o.company_id, c.name AS company_name, o.stage, o.probability, o.amount,
  o.expected_close_date, o.next_action, o.next_action_date, o.account_manager_id, o.description, o.type,
  o.actual_close_date, o.close_reason, o.sales_team_id, tm.name AS team_name`
const FROM = `FROM opportunities o LEFT JOIN companies c ON c.id = o.company_id AND c.deleted_at IS NULL
  LEFT JOIN teams tm ON tm.id = o.sales_team_id`

const collator = new Intl.Collator('ko-KR')

/** The probability after a move: keep one the user typed, otherwise the new stage's default. */
export function probabilityAfterMove(current: { stage: OpportunityStage; probability: number }, to: OpportunityStage, typed?: number): number {
  if (stageDefinition(to).isClosed) return defaultProbability(to)
  if (typed !== undefined) return typed
  return current.probability === defaultProbability(current.stage) ? defaultProbability(to) : current.probability
}

export function createOpportunitiesRepo(ctx: RepoContext): OpportunitiesRepo {
  const { sqlite, writer } = ctx
  const names = createUserNames(sqlite)
  const all = sqlite.prepare<[], CardRow>(
    `SELECT ${CARD_COLUMNS} ${FROM} WHERE o.deleted_at IS NULL
      ORDER BY o.expected_close_date IS NULL, o.expected_close_date, o.created_at, o.id`,
  )
  const byId = sqlite.prepare<[string], CardRow>(`SELECT ${CARD_COLUMNS} ${FROM} WHERE o.id = ? AND o.deleted_at IS NULL`)
  const historyOf = sqlite.prepare<[string], HistoryRow>(
    `SELECT id, from_stage, to_stage, changed_at, changed_by, reason FROM opportunity_stage_history
      WHERE opportunity_id = ? AND deleted_at IS NULL ORDER BY changed_at, id`,
  )
  const companies = sqlite.prepare<[], { id: string; name: string }>('SELECT id, name FROM companies WHERE deleted_at IS NULL')

  const toCards = (rows: readonly CardRow[]): OpportunityCard[] => {
    const managerNames = names(rows.map((r) => r.account_manager_id))
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      title: row.title,
      companyId: row.company_id,
      companyName: row.company_name,
      stage: row.stage,
      probability: row.probability,
      amount: row.amount,
      expectedAmount: expectedAmount(row.amount, row.probability),
      expectedCloseDate: row.expected_close_date,
      nextAction: row.next_action,
      nextActionDate: row.next_action_date,
      accountManagerName: managerNames.get(row.account_manager_id) ?? null,
      accountManagerId: row.account_manager_id,
      teamId: row.sales_team_id,
      teamName: row.team_name,
      actualCloseDate: row.actual_close_date,
    }))
  }

  const requireRow = (id: string): CardRow => {
    const row = byId.get(id)
    if (!row) throw new SalesRuleError('notFound', `No opportunity ${id} on this device`)
    return row
  }

  const requireActor = (): Actor => {
    const actor = ctx.actor()
    if (!actor) throw new SalesRuleError('signInToEdit', 'Nobody is signed in')
    return actor
  }

  const get = (id: string): OpportunityDetail => {
    const row = requireRow(id)
    const history = historyOf.all(id)
    const changedBy = names(history.map((h) => h.changed_by))
    const entries: StageHistoryEntry[] = history.map((h) => ({
      id: h.id,
      fromStage: h.from_stage,
      toStage: h.to_stage,
      changedAt: h.changed_at,
      changedByName: changedBy.get(h.changed_by) ?? null,
      reason: h.reason,
    }))
    const [card] = toCards([row])
    return {
      ...(card as OpportunityCard),
      description: row.description,
      type: row.type,
      actualCloseDate: row.actual_close_date,
      closeReason: row.close_reason,
      history: entries,
      daysInStage: stageDurations(
        history.map((h) => ({ fromStage: h.from_stage, toStage: h.to_stage, changedAt: h.changed_at })),
        ctx.now(),
      ),
    }
  }

  /** Stage + history row in one transaction; extra fields (probability, close date, reason) go with the stage. */
  const changeStage = (row: CardRow, to: OpportunityStage, fields: Record<string, unknown>, reason: string | null): void => {
    const actor = requireActor()
    writer.transaction(() => {
      writer.upsert('opportunities', row.id, { stage: to, ...fields })
      writer.upsert('opportunity_stage_history', ctx.newId(), {
        opportunity_id: row.id,
        from_stage: row.stage,
        to_stage: to,
        changed_by: actor.id,
        changed_at: ctx.now().toISOString(),
        reason,
      })
    })
  }

  return {
    board() {
      const cards = toCards(all.all())
      return OPPORTUNITY_STAGE_DEFINITIONS.map(({ value }) => {
        const column = cards.filter((card) => card.stage === value)
        // Won and lost hold the whole history: most recently closed first, so the board's window shows recent ones.
        if (stageDefinition(value).isClosed) {
          column.sort((a, b) => (b.actualCloseDate ?? '').localeCompare(a.actualCloseDate ?? ''))
        }
        return {
          stage: value,
          cards: column,
          totalAmount: column.reduce((sum, card) => sum + (card.amount ?? 0), 0),
          totalExpected: column.reduce((sum, card) => sum + (card.expectedAmount ?? 0), 0),
        }
      })
    },

    get,

    create(input) {
      const actor = requireActor()
      const id = ctx.newId()
      writer.transaction(() => {
        writer.upsert('opportunities', id, {
          code: newRecordCode('opportunities'),
          title: input.title,
          description: input.description,
          type: input.type,
          company_id: input.companyId,
          branch_id: input.branchId,
          contact_id: input.contactId,
          stage: input.stage,
          probability: input.probability ?? defaultProbability(input.stage),
          amount: input.amount,
          expected_close_date: input.expectedCloseDate,
          next_action: input.nextAction,
          next_action_date: input.nextActionDate,
          account_manager_id: actor.id,
        })
        // The first history row starts the clock for "days in stage".
        writer.upsert('opportunity_stage_history', ctx.newId(), {
          opportunity_id: id,
          from_stage: null,
          to_stage: input.stage,
          changed_by: actor.id,
          changed_at: ctx.now().toISOString(),
        })
      })
      return get(id)
    },

    update(input) {
      requireRow(input.id)
      writer.upsert('opportunities', input.id, {
        title: input.title,
        description: input.description,
        type: input.type,
        amount: input.amount,
        probability: input.probability,
        expected_close_date: input.expectedCloseDate,
        next_action: input.nextAction,
        next_action_date: input.nextActionDate,
      })
      return get(input.id)
    },

    move(input) {
      const row = requireRow(input.id)
      if (stageDefinition(row.stage).isClosed) throw new SalesRuleError('closed', `Opportunity ${input.id} is closed`)
      if (row.stage === input.stage && input.probability === undefined) return get(input.id)
      if (row.stage === input.stage) {
        writer.upsert('opportunities', row.id, { probability: input.probability })
        return get(input.id)
      }
      changeStage(row, input.stage, { probability: probabilityAfterMove(row, input.stage, input.probability) }, null)
      return get(input.id)
    },

    close(input) {
      const row = requireRow(input.id)
      if (stageDefinition(row.stage).isClosed) throw new SalesRuleError('closed', `Opportunity ${input.id} is closed`)
      const to: OpportunityStage = input.outcome === 'WON' ? 'CLOSED_WON' : 'CLOSED_LOST'
      changeStage(
        row,
        to,
        {
          probability: defaultProbability(to),
          actual_close_date: input.closeDate ?? todayIsoDate(ctx.now()),
          close_reason: input.reason,
        },
        input.reason,
      )
      return get(input.id)
    },

    companyOptions() {
      return companies.all().sort((a, b) => collator.compare(a.name, b.name))
    },
  }
}
