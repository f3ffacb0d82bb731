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
import { ModalDialog } from '../../components/ModalDialog'
import { WonInput, wonText } from '../../components/WonInput'
import { DialogError } from './DialogError'
import { useProjectsStore } from './projects-store'
import { useOwnerRule } from '../../lib/permissions'

const wonOf = (value: number | null | undefined) => wonText(value === null || value === undefined ? '' : value.toLocaleString('ko-KR'))

/**
 * A new project or an edited one: every field the schema holds (type, status, phase, health, priority, dates, money,
 * PM / coordinator / operator). Margin is not a field: it is derived from revenue and costs on the project page.
 */
export function ProjectDialog({ project }: { readonly project: ProjectDetail | null }): JSX.Element {
  const { t } = useTranslation()
  const options = useProjectsStore((s) => s.formOptions)
  const opened = useProjectsStore((s) => s.projectDialogOpened)
  const saved = useProjectsStore((s) => s.projectSaved)
  const [name, setName] = useState(project?.name ?? '')
  const [description, setDescription] = useState(project?.description ?? '')
  const [type, setType] = useState<ProjectType | ''>(project?.type ?? '')
  const [companyId, setCompanyId] = useState(project?.companyId ?? '')
  const [branchId, setBranchId] = useState(project?.branchId ?? '')
  const [contractId, setContractId] = useState(project?.contractId ?? '')
  const [status, setStatus] = useState<ProjectStatus>(project?.status ?? 'PLANNING')
  const [phase, setPhase] = useState<ProjectPhase | ''>(project?.phase ?? '')
  const [health, setHealth] = useState<ProjectHealth | ''>(project?.health ?? '')
  const [priority, setPriority] = useState<ProjectPriority>(project?.priority ?? 'MEDIUM')
  const [startDate, setStartDate] = useState(project?.startDate ?? '')
  const [endDate, setEndDate] = useState(project?.endDate ?? '')
  const [actualStartDate, setActualStartDate] = useState(project?.actualStartDate ?? '')
  const [actualEndDate, setActualEndDate] = useState(project?.actualEndDate ?? '')
  const [budget, setBudget] = useState(() => wonOf(project?.budget))
  const [actualCost, setActualCost] = useState(() => wonOf(project?.actualCost))
  const [revenue, setRevenue] = useState(() => wonOf(project?.revenue))
  const [progress, setProgress] = useState(String(project?.progress ?? 0))
  const [managerId, setManagerId] = useState(project?.projectManagerId ?? '')
  const [coordinatorId, setCoordinatorId] = useState(project?.coordinatorId ?? '')
  const [operatorId, setOperatorId] = useState(project?.operatorId ?? '')
  const company = options?.companies.find((c) => c.id === companyId)
  const invalidPeriod = Boolean(startDate && endDate && endDate < startDate)
  const moneyValid = budget.valid && actualCost.valid && revenue.valid
  const progressValid = Number.isInteger(Number(progress)) && Number(progress) >= 0 && Number(progress) <= 100
  const close = (): void => void opened(null)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (!companyId || invalidPeriod || !moneyValid || !progressValid) return
    await saved({
      ...(project ? { id: project.id } : {}),
      name,
      description,
      type: type || null,
      companyId,
      branchId: branchId || null,
      contractId: contractId || null,
      opportunityId: project?.opportunityId ?? null,
      status,
      phase: phase || null,
      health: health || null,
      priority,
      startDate: startDate || null,
      endDate: endDate || null,
      actualStartDate: actualStartDate || null,
      actualEndDate: actualEndDate || null,
      budget: budget.value,
      actualCost: actualCost.value,
      revenue: revenue.value,
      progress: Number(progress),
      projectManagerId: managerId || null,
      coordinatorId: coordinatorId || null,
      operatorId: operatorId || null,
    })
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
        {options?.users.filter((u) => mayAssign(column, u.id, draft)).map((u) => (
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
                setCompanyId(e.target.value)
                setBranchId('')
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
            <select value={type} onChange={(e) => setType(e.target.value as ProjectType | '')}>
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
            <select value={status} onChange={(e) => setStatus(e.target.value as ProjectStatus)}>
              {PROJECT_STATUSES.map((v) => (
                <option key={v} value={v}>
                  {t(`projects.statuses.${v}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('trainingOps.projectForm.phase')}</span>
            <select value={phase} onChange={(e) => setPhase(e.target.value as ProjectPhase | '')}>
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
            <select value={health} onChange={(e) => setHealth(e.target.value as ProjectHealth | '')}>
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
            <select value={priority} onChange={(e) => setPriority(e.target.value as ProjectPriority)}>
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
          <WonInput label={t('trainingOps.projectForm.budget')} value={budget} invalidText={t('trainingOps.projectForm.invalidAmount')} onChange={setBudget} />
          <WonInput label={t('trainingOps.projectForm.actualCost')} value={actualCost} invalidText={t('trainingOps.projectForm.invalidAmount')} onChange={setActualCost} />
          <WonInput label={t('trainingOps.projectForm.revenue')} value={revenue} invalidText={t('trainingOps.projectForm.invalidAmount')} onChange={setRevenue} />
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
