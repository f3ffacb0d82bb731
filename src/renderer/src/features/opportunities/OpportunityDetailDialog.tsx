import { AttachmentsPanel } from '../files'
import { ActivityPanel } from '../activities'
import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toIsoDate } from '../../../../shared/domain/dates'
import { money } from '../../lib/money'
import { probabilitySchema } from '../../../../shared/model/validation/sales'
import { OPPORTUNITY_STAGE_DEFINITIONS, stageDefinition } from '../../../../shared/domain/opportunity-stage'
import { type OpportunityDetail } from '../../../../shared/ipc/sales-types'
import { OPPORTUNITY_TYPES, type OpportunityType } from '../../../../shared/model/enums'
import { DeleteButton } from '../../components/DeleteButton'
import { ModalDialog } from '../../components/ModalDialog'
import { BoardError } from './BoardError'
import { OpportunityTrainingPanel } from '../projects'
import { WonInput, wonText } from '../../components/WonInput'
import { useOpportunitiesStore } from './opportunities-store'
import { stageLabel } from './stage-label'
import { api } from '../../lib/api'
import { useConcurrentEdit } from '../../lib/concurrent-edit'
import { ConcurrentEditNotice } from '../../components/ConcurrentEditNotice'

/** The editable fields as typed (strings), and the stage so a move elsewhere is told too. */
interface OpportunityFormValues {
  readonly [field: string]: string
  readonly title: string
  readonly type: string
  readonly description: string
  readonly amount: string
  readonly probability: string
  readonly nextAction: string
  readonly nextActionDate: string
  readonly expectedCloseDate: string
  readonly stage: string
}

function formValues(detail: OpportunityDetail): OpportunityFormValues {
  return {
    title: detail.title,
    type: detail.type ?? '',
    description: detail.description ?? '',
    amount: detail.amount === null ? '' : detail.amount.toLocaleString('ko-KR'),
    probability: String(detail.probability),
    nextAction: detail.nextAction ?? '',
    nextActionDate: detail.nextActionDate ?? '',
    expectedCloseDate: detail.expectedCloseDate ?? '',
    stage: detail.stage,
  }
}

/** Details, next action, days spent in each stage and the stage history; won/lost from here too. */
export function OpportunityDetailDialog({ detail }: { readonly detail: OpportunityDetail }): JSX.Element {
  const { t, i18n } = useTranslation()
  const detailClosed = useOpportunitiesStore((s) => s.detailClosed)
  const boardOpened = useOpportunitiesStore((s) => s.boardOpened)
  const detailSaved = useOpportunitiesStore((s) => s.detailSaved)
  const closeRequested = useOpportunitiesStore((s) => s.closeRequested)
  const edit = useConcurrentEdit<OpportunityFormValues>({
    table: 'opportunities',
    id: detail.id,
    initial: formValues(detail),
    read: async () => formValues(await api.opportunities.get({ id: detail.id })),
    // A stage move elsewhere writes the history and may set the probability: reload on those too.
    alsoReads: ['opportunity_stage_history'],
    onGone: detailClosed,
  })
  const { values } = edit
  const field = (name: keyof OpportunityFormValues) => (value: string) => edit.setValues((v) => ({ ...v, [name]: value }))
  const amount = wonText(values.amount)
  const closed = stageDefinition(detail.stage).isClosed
  const when = new Intl.DateTimeFormat(i18n.language === 'ko' ? 'ko-KR' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' })
  const visited = OPPORTUNITY_STAGE_DEFINITIONS.filter((d) => detail.daysInStage[d.value] !== undefined)

  // Checked in the app's own words (not the browser's English bubble): a probability outside 0–100 is refused; an
  // expected close date already past is shown once, and a second save keeps it (a late deal is real, a typo is not).
  const [problem, setProblem] = useState<{ readonly field: 'probability' | 'expectedCloseDate'; readonly text: string } | null>(null)
  const [pastDateSeen, setPastDateSeen] = useState<string | null>(null)
  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const probability = values.probability
    const expectedCloseDate = values.expectedCloseDate
    const p = Number(probability)
    if (probability.trim() === '' || !probabilitySchema.safeParse(p).success) {
      setProblem({ field: 'probability', text: t('everyday.validation.probability') })
      return
    }
    if (!closed && expectedCloseDate && expectedCloseDate < toIsoDate(new Date()) && pastDateSeen !== expectedCloseDate) {
      setPastDateSeen(expectedCloseDate)
      setProblem({ field: 'expectedCloseDate', text: t('everyday.validation.pastCloseDate', { date: expectedCloseDate }) })
      return
    }
    setProblem(null)
    // The record as it is now with only this user's changes on top: the writer records only what differs, so a
    // colleague's edit of another field survives.
    const prepared = await edit.prepareSave()
    if (!prepared) return
    const v = prepared.values
    const ok = await detailSaved({
      id: detail.id,
      title: v.title,
      description: v.description,
      type: (v.type || null) as OpportunityType | null,
      amount: wonText(v.amount).value,
      probability: Number(v.probability),
      expectedCloseDate: v.expectedCloseDate || null,
      nextAction: v.nextAction,
      nextActionDate: v.nextActionDate || null,
    })
    if (ok) edit.saved(v)
  }
  const labels: Record<string, string> = {
    title: t('opportunities.fields.title'),
    type: t('opportunities.fields.type'),
    amount: t('opportunities.fields.amount'),
    probability: t('opportunities.fields.probability'),
    nextAction: t('opportunities.fields.nextAction'),
    nextActionDate: t('opportunities.fields.nextActionDate'),
    expectedCloseDate: t('opportunities.fields.expectedCloseDate'),
    description: t('opportunities.fields.description'),
    stage: t('opportunities.fields.stage'),
  }
  const display = (name: string, value: string): string => {
    if (name === 'type') return t(`opportunities.types.${value as OpportunityType}`)
    if (name === 'stage') return stageLabel(value as OpportunityDetail['stage'], i18n.language)
    return value
  }

  return (
    <ModalDialog title={`${t('opportunities.detailTitle')} · ${detail.title}`} onClose={detailClosed} wide>
      <BoardError />
      <ConcurrentEditNotice edit={edit} labels={labels} display={display} />
      <dl className="opp-facts">
        <div>
          <dt>{t('opportunities.fields.company')}</dt>
          <dd>{detail.companyName ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('opportunities.fields.stage')}</dt>
          <dd data-testid="detail-stage">{stageLabel(detail.stage, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('opportunities.fields.amount')}</dt>
          <dd>{detail.amount === null ? t('opportunities.noAmount') : money(detail.amount)}</dd>
        </div>
        <div>
          <dt>{t('opportunities.fields.probability')}</dt>
          <dd>
            {detail.probability}%{detail.expectedAmount !== null && ` · ${t('opportunities.expected', { amount: money(detail.expectedAmount) })}`}
          </dd>
        </div>
        <div>
          <dt>{t('opportunities.fields.manager')}</dt>
          <dd>{detail.accountManagerName ?? '—'}</dd>
        </div>
        {closed && (
          <div>
            <dt>{t('opportunities.fields.closeReason')}</dt>
            <dd data-testid="detail-close-reason">
              {detail.closeReason} ({detail.actualCloseDate})
            </dd>
          </div>
        )}
      </dl>
      {detail.stage === 'CLOSED_WON' && <OpportunityTrainingPanel opportunityId={detail.id} stage={detail.stage} onLeave={detailClosed} />}
      <div className="row-actions">
        <DeleteButton
          kind="opportunity"
          id={detail.id}
          className="button button--small button--danger"
          onChanged={(what) => {
            if (what === 'deleted') detailClosed()
            void boardOpened()
          }}
        />
      </div>

      {!closed && (
        <>
          <form className="form-grid" noValidate onSubmit={(event) => void save(event)}>
            {problem && (
              <p className="form-error-summary" role="alert" data-testid="opportunity-form-problem">
                {problem.text}
              </p>
            )}
            <div className="form-grid__fields">
              <label>
                <span>{t('opportunities.fields.title')}</span>
                <input required maxLength={200} value={values.title} onChange={(e) => field('title')(e.target.value)} />
              </label>
              <label>
                <span>{t('opportunities.fields.type')}</span>
                <select value={values.type} onChange={(e) => field('type')(e.target.value)}>
                  <option value="">{t('opportunities.noType')}</option>
                  {OPPORTUNITY_TYPES.map((value) => (
                    <option key={value} value={value}>
                      {t(`opportunities.types.${value}`)}
                    </option>
                  ))}
                </select>
              </label>
              <WonInput
                label={t('opportunities.fields.amount')}
                value={amount}
                invalidText={t('opportunities.invalidAmount')}
                onChange={(next) => field('amount')(next.text)}
              />
              <label>
                <span>{t('opportunities.fields.probability')}</span>
                <input
                  type="number"
                  min={0}
                  max={100}
                  step={1}
                  required
                  aria-invalid={problem?.field === 'probability'}
                  value={values.probability}
                  onChange={(e) => field('probability')(e.target.value)}
                />
              </label>
              <label>
                <span>{t('opportunities.fields.nextAction')}</span>
                <input maxLength={500} value={values.nextAction} onChange={(e) => field('nextAction')(e.target.value)} />
              </label>
              <label>
                <span>{t('opportunities.fields.nextActionDate')}</span>
                <input type="date" value={values.nextActionDate} onChange={(e) => field('nextActionDate')(e.target.value)} />
              </label>
              <label>
                <span>{t('opportunities.fields.expectedCloseDate')}</span>
                <input type="date" value={values.expectedCloseDate} onChange={(e) => field('expectedCloseDate')(e.target.value)} />
              </label>
              <label className="form-grid__wide">
                <span>{t('opportunities.fields.description')}</span>
                <textarea rows={3} maxLength={4000} value={values.description} onChange={(e) => field('description')(e.target.value)} />
              </label>
            </div>
            <div className="form-actions">
              <button type="button" className="button button--danger" onClick={() => closeRequested(detail.id, 'LOST')}>
                {t('opportunities.lost')}
              </button>
              <button type="button" className="button" onClick={() => closeRequested(detail.id, 'WON')}>
                {t('opportunities.won')}
              </button>
              <button type="submit" className="button button--primary" disabled={!amount.valid}>
                {t('opportunities.save')}
              </button>
            </div>
          </form>
        </>
      )}

      <h3>{t('opportunities.daysInStage')}</h3>
      <ul className="stage-days" data-testid="stage-days">
        {visited.map((d) => (
          <li key={d.value} data-stage={d.value} data-days={detail.daysInStage[d.value]}>
            <span className="kanban__swatch" style={{ background: d.color }} aria-hidden="true" />
            {stageLabel(d.value, i18n.language)} <strong>{t('opportunities.history.daysValue', { count: detail.daysInStage[d.value] ?? 0 })}</strong>
          </li>
        ))}
      </ul>

      <h3>{t('opportunities.history.title')}</h3>
      <table className="data-table" data-testid="stage-history">
        <thead>
          <tr>
            <th scope="col">{t('opportunities.history.changedAt')}</th>
            <th scope="col">{t('opportunities.history.from')}</th>
            <th scope="col">{t('opportunities.history.to')}</th>
            <th scope="col">{t('opportunities.history.changedBy')}</th>
            <th scope="col">{t('opportunities.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {detail.history.map((h) => (
            <tr key={h.id}>
              <td>{when.format(Date.parse(h.changedAt))}</td>
              <td>{h.fromStage ? stageLabel(h.fromStage, i18n.language) : t('opportunities.history.created')}</td>
              <td>{stageLabel(h.toStage, i18n.language)}</td>
              <td>{h.changedByName ?? '—'}</td>
              <td>{h.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ActivityPanel targets={[{ entityType: 'OPPORTUNITY', entityId: detail.id, label: detail.title }]} />
      <AttachmentsPanel entityType="OPPORTUNITY" entityId={detail.id} />
    </ModalDialog>
  )
}
