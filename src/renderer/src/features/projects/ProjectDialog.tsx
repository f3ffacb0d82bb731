import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  PROJECT_HEALTH,
  PROJECT_PHASES,
  PROJECT_PRIORITIES,
  PROJECT_STATUSES,
  PROJECT_TYPES,
  type ProjectHealth,
  type ProjectPhase,
  type ProjectPriority,
  type ProjectStatus,
  type ProjectType,
} from '../../../../shared/model/enums'
import { type ProjectDetail } from '../../../../shared/ipc/training-types'
import { ConcurrentEditNotice } from '../../components/ConcurrentEditNotice'
import { ModalDialog } from '../../components/ModalDialog'
import { WonInput, wonText } from '../../components/WonInput'
import { api } from '../../lib/api'
import { useConcurrentEdit } from '../../lib/concurrent-edit'
import { DialogError } from './DialogError'
import { useProjectsStore } from './projects-store'
import { useOwnerRule } from '../../lib/permissions'

const wonOf = (value: number | null | undefined): string => (value === null || value === undefined ? '' : value.toLocaleString('ko-KR'))

/** The form's fields as text (money as typed, with separators), the shape lib/concurrent-edit.ts merges field by field. */
function projectValues(project: ProjectDetail | null) {
  return {
    name: project?.name ?? '',
    description: project?.description ?? '',
    type: project?.type ?? '',
    companyId: project?.companyId ?? '',
    branchId: project?.branchId ?? '',
    contractId: project?.contractId ?? '',
    status: project?.status ?? 'PLANNING',
    phase: project?.phase ?? '',
    health: project?.health ?? '',
    priority: project?.priority ?? 'MEDIUM',
    startDate: project?.startDate ?? '',
    endDate: project?.endDate ?? '',
    actualStartDate: project?.actualStartDate ?? '',
    actualEndDate: project?.actualEndDate ?? '',
    budget: wonOf(project?.budget),
    actualCost: wonOf(project?.actualCost),
    revenue: wonOf(project?.revenue),
    progress: String(project?.progress ?? 0),
    managerId: project?.projectManagerId ?? '',
    coordinatorId: project?.coordinatorId ?? '',
    operatorId: project?.operatorId ?? '',
  }
}
type ProjectFormValues = ReturnType<typeof projectValues>

/**
 * A new project or an edited one: every field the schema holds (type, status, phase, health, priority, dates, money,
 * PM / coordinator / operator). Margin is not a field: it is derived from revenue and costs on the project page.
 * Editing, the project may change underneath (a colleague, a pull): the user's typing stays, untouched fields take the
 * new values, a notice says who changed what, and saving lays only this user's changes over the project as it is now.
 */
export function ProjectDialog({ project }: { readonly project: ProjectDetail | null }): JSX.Element {
  const { t } = useTranslation()
  const options = useProjectsStore((s) => s.formOptions)
  const opened = useProjectsStore((s) => s.projectDialogOpened)
  const saved = useProjectsStore((s) => s.projectSaved)
  const close = (): void => void opened(null)
  const [initial] = useState(() => projectValues(project))
  const edit = useConcurrentEdit<ProjectFormValues>({
    table: 'projects',
    id: project?.id ?? null,
    initial,
    read: async () => (project ? projectValues(await api.projects.get({ id: project.id })) : null),
    onGone: close,
  })
  const { values } = edit
  const set =
    <K extends keyof ProjectFormValues>(key: K) =>
    (value: string): void =>
      edit.setValues((v) => ({ ...v, [key]: value }))
  const {
    name,
    description,
    type,
    companyId,
    branchId,
    contractId,
    status,
    phase,
    health,
    priority,
    startDate,
    endDate,
    actualStartDate,
    actualEndDate,
    progress,
    managerId,
    coordinatorId,
    operatorId,
  } = values
  const setName = set('name')
  const setDescription = set('description')
  const setType = set('type')
  const setBranchId = set('branchId')
  const setContractId = set('contractId')
  const setStatus = set('status')
  const setPhase = set('phase')
  const setHealth = set('health')
  const setPriority = set('priority')
  const setStartDate = set('startDate')
  const setEndDate = set('endDate')
  const setActualStartDate = set('actualStartDate')
  const setActualEndDate = set('actualEndDate')
  const setProgress = set('progress')
  const setManagerId = set('managerId')
  const setCoordinatorId = set('coordinatorId')
  const setOperatorId = set('operatorId')
  const budget = wonText(values.budget)
  const actualCost = wonText(values.actualCost)
  const revenue = wonText(values.revenue)
  const company = options?.companies.find((c) => c.id === companyId)
  const invalidPeriod = Boolean(startDate && endDate && endDate < startDate)
  const moneyValid = budget.valid && actualCost.valid && revenue.valid
  const progressValid = Number.isInteger(Number(progress)) && Number(progress) >= 0 && Number(progress) <= 100

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (!companyId || invalidPeriod || !moneyValid || !progressValid) return
    // The project as it is now with only this user's changes on top: the writer records only what differs, so a
    // colleague's edit of another field survives.
    const prepared = await edit.prepareSave()
    if (!prepared) return
    const v = prepared.values
    const ok = await saved({
      ...(project ? { id: project.id } : {}),
      name: v.name,
      description: v.description,
      type: (v.type || null) as ProjectType | null,
      companyId: v.companyId,
      branchId: v.branchId || null,
      contractId: v.contractId || null,
      opportunityId: project?.opportunityId ?? null,
      status: v.status as ProjectStatus,
      phase: (v.phase || null) as ProjectPhase | null,
      health: (v.health || null) as ProjectHealth | null,
      priority: v.priority as ProjectPriority,
      startDate: v.startDate || null,
      endDate: v.endDate || null,
      actualStartDate: v.actualStartDate || null,
      actualEndDate: v.actualEndDate || null,
      budget: wonText(v.budget).value,
      actualCost: wonText(v.actualCost).value,
      revenue: wonText(v.revenue).value,
      progress: Number(v.progress),
      projectManagerId: v.managerId || null,
      coordinatorId: v.coordinatorId || null,
      operatorId: v.operatorId || null,
    })
    if (ok) edit.saved(v)
  }

  const labels: Record<string, string> = {
    name: t('trainingOps.projectForm.name'),
    description: t('trainingOps.projectForm.description'),
    type: t('trainingOps.projectForm.type'),
    companyId: t('trainingOps.projectForm.company'),
    branchId: t('trainingOps.projectForm.branch'),
    contractId: t('trainingOps.projectForm.contract'),
    status: t('trainingOps.projectForm.status'),
    phase: t('trainingOps.projectForm.phase'),
    health: t('trainingOps.projectForm.health'),
    priority: t('trainingOps.projectForm.priority'),
    startDate: t('trainingOps.projectForm.startDate'),
    endDate: t('trainingOps.projectForm.endDate'),
    actualStartDate: t('trainingOps.projectForm.actualStartDate'),
    actualEndDate: t('trainingOps.projectForm.actualEndDate'),
    budget: t('trainingOps.projectForm.budget'),
    actualCost: t('trainingOps.projectForm.actualCost'),
    revenue: t('trainingOps.projectForm.revenue'),
    progress: t('trainingOps.projectForm.progress'),
    managerId: t('trainingOps.projectForm.manager'),
    coordinatorId: t('trainingOps.projectForm.coordinator'),
    operatorId: t('trainingOps.projectForm.operator'),
  }
  const display = (field: string, value: string): string => {
    if (field === 'type') return t(`trainingOps.types.${value as ProjectType}`)
    if (field === 'status') return t(`projects.statuses.${value as ProjectStatus}`)
    if (field === 'phase') return t(`projects.phases.${value as ProjectPhase}`)
    if (field === 'health') return t(`projects.health.${value as ProjectHealth}`)
    if (field === 'priority') return t(`projects.priorities.${value as ProjectPriority}`)
    if (field === 'companyId') return options?.companies.find((c) => c.id === value)?.name ?? value
    if (field === 'managerId' || field === 'coordinatorId' || field === 'operatorId') return options?.users.find((u) => u.id === value)?.name ?? value
    return value
  }

  // The owner rule: only the people the server would accept are offered (the project's manager names the others).
  const mayAssign = useOwnerRule(
    'projects',
    project ? { project_manager_id: project.projectManagerId, coordinator_id: project.coordinatorId, operator_id: project.operatorId } : null,
  )
  const draft = { project_manager_id: managerId || null }
  const people = (label: string, column: string, value: string, onChange: (v: string) => void): JSX.Element => (
    <label>
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {mayAssign(column, null, draft) && <option value="">{t('trainingOps.projectForm.none')}</option>}
        {options?.users
          .filter((u) => mayAssign(column, u.id, draft))
          .map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
      </select>
    </label>
  )

  return (
    <ModalDialog title={project ? t('trainingOps.projectForm.editTitle') : t('trainingOps.projectForm.newTitle')} onClose={close} wide>
      <DialogError />
      <ConcurrentEditNotice edit={edit} labels={labels} display={display} />
      <form className="form-grid" onSubmit={(event) => void submit(event)}>
        <div className="form-grid__fields">
          <label className="form-grid__wide">
            <span>{t('trainingOps.projectForm.name')}</span>
            <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            <span>{t('trainingOps.projectForm.company')}</span>
            <select
              required
              value={companyId}
              onChange={(e) => {
                const next = e.target.value
                edit.setValues((v) => ({ ...v, companyId: next, branchId: '' }))
              }}
            >
              <option value="">{t('trainingOps.projectForm.choose')}</option>
              {options?.companies.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('trainingOps.projectForm.branch')}</span>
            <select value={branchId} onChange={(e) => setBranchId(e.target.value)}>
              <option value="">{t('trainingOps.projectForm.none')}</option>
              {company?.branches.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('trainingOps.projectForm.type')}</span>
            <select value={type} onChange={(e) => setType(e.target.value)}>
              <option value="">{t('trainingOps.projectForm.none')}</option>
              {PROJECT_TYPES.map((v) => (
                <option key={v} value={v}>
                  {t(`trainingOps.types.${v}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('trainingOps.projectForm.contract')}</span>
            <select value={contractId} onChange={(e) => setContractId(e.target.value)}>
              <option value="">{t('trainingOps.projectForm.none')}</option>
              {options?.contracts
                .filter((c) => !companyId || c.companyId === companyId)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.code} {c.title}
                  </option>
                ))}
            </select>
          </label>
          <label>
            <span>{t('trainingOps.projectForm.status')}</span>
            <select value={status} onChange={(e) => setStatus(e.target.value)}>
              {PROJECT_STATUSES.map((v) => (
                <option key={v} value={v}>
                  {t(`projects.statuses.${v}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('trainingOps.projectForm.phase')}</span>
            <select value={phase} onChange={(e) => setPhase(e.target.value)}>
              <option value="">{t('trainingOps.projectForm.none')}</option>
              {PROJECT_PHASES.map((v) => (
                <option key={v} value={v}>
                  {t(`projects.phases.${v}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('trainingOps.projectForm.health')}</span>
            <select value={health} onChange={(e) => setHealth(e.target.value)}>
              <option value="">{t('trainingOps.projectForm.none')}</option>
              {PROJECT_HEALTH.map((v) => (
                <option key={v} value={v}>
                  {t(`projects.health.${v}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('trainingOps.projectForm.priority')}</span>
            <select value={priority} onChange={(e) => setPriority(e.target.value)}>
              {PROJECT_PRIORITIES.map((v) => (
                <option key={v} value={v}>
                  {t(`projects.priorities.${v}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('trainingOps.projectForm.startDate')}</span>
            <input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
          </label>
          <label>
            <span>{t('trainingOps.projectForm.endDate')}</span>
            <input type="date" value={endDate} aria-invalid={invalidPeriod} onChange={(e) => setEndDate(e.target.value)} />
          </label>
          <label>
            <span>{t('trainingOps.projectForm.actualStartDate')}</span>
            <input type="date" value={actualStartDate} onChange={(e) => setActualStartDate(e.target.value)} />
          </label>
          <label>
            <span>{t('trainingOps.projectForm.actualEndDate')}</span>
            <input type="date" value={actualEndDate} onChange={(e) => setActualEndDate(e.target.value)} />
          </label>
          <WonInput
            label={t('trainingOps.projectForm.budget')}
            value={budget}
            invalidText={t('trainingOps.projectForm.invalidAmount')}
            onChange={(w) => set('budget')(w.text)}
          />
          <WonInput
            label={t('trainingOps.projectForm.actualCost')}
            value={actualCost}
            invalidText={t('trainingOps.projectForm.invalidAmount')}
            onChange={(w) => set('actualCost')(w.text)}
          />
          <WonInput
            label={t('trainingOps.projectForm.revenue')}
            value={revenue}
            invalidText={t('trainingOps.projectForm.invalidAmount')}
            onChange={(w) => set('revenue')(w.text)}
          />
          <label>
            <span>{t('trainingOps.projectForm.progress')}</span>
            <input type="number" min={0} max={100} step={1} value={progress} aria-invalid={!progressValid} onChange={(e) => setProgress(e.target.value)} />
          </label>
          {people(t('trainingOps.projectForm.manager'), 'project_manager_id', managerId, setManagerId)}
          {people(t('trainingOps.projectForm.coordinator'), 'coordinator_id', coordinatorId, setCoordinatorId)}
          {people(t('trainingOps.projectForm.operator'), 'operator_id', operatorId, setOperatorId)}
          <label className="form-grid__wide">
            <span>{t('trainingOps.projectForm.description')}</span>
            <textarea rows={3} maxLength={4000} value={description} onChange={(e) => setDescription(e.target.value)} />
          </label>
        </div>
        {invalidPeriod && (
          <p role="alert" className="form-field__error">
            {t('trainingOps.projectForm.endBeforeStart')}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={close}>
            {t('trainingOps.projectForm.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={invalidPeriod || !moneyValid || !progressValid || !companyId}>
            {t('trainingOps.projectForm.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
