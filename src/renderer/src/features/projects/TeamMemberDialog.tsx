import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PROJECT_TEAM_ROLES, type ProjectTeamRole } from '../../../../shared/model/enums'
import { type ProjectDetail } from '../../../../shared/ipc/training-types'
import { ModalDialog } from '../../components/ModalDialog'
import { DialogError } from './DialogError'
import { useProjectsStore } from './projects-store'

/** Adds a person to the project team, or changes a member's role and allocation (0–100 % of their time). */
export function TeamMemberDialog({ project, member }: { readonly project: ProjectDetail; readonly member: ProjectDetail['team'][number] | null }): JSX.Element {
  const { t } = useTranslation()
  const candidates = useProjectsStore((s) => s.teamCandidates)
  const opened = useProjectsStore((s) => s.teamDialogOpened)
  const saved = useProjectsStore((s) => s.teamMemberSaved)
  const [userId, setUserId] = useState(member?.userId ?? '')
  const [role, setRole] = useState<ProjectTeamRole | ''>(member?.role ?? 'MEMBER')
  const [allocation, setAllocation] = useState(String(member?.allocationPercent ?? 100))
  const allocationInvalid = !(Number.isInteger(Number(allocation)) && Number(allocation) >= 0 && Number(allocation) <= 100) || allocation.trim() === ''
  const onTeam = new Set(project.team.map((m) => m.userId))

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (!userId || allocationInvalid) return
    await saved({ projectId: project.id, userId, role: role || null, allocationPercent: Number(allocation) })
  }

  return (
    <ModalDialog title={member ? t('projects.team.editTitle') : t('projects.team.addTitle')} onClose={() => void opened(null)}>
      <DialogError />
      <form className="training-form" onSubmit={(event) => void submit(event)}>
        <label className="training-form__wide">
          {t('projects.team.person')}
          <select value={userId} onChange={(e) => setUserId(e.target.value)} disabled={member !== null} required>
            <option value="">{t('projects.team.choose')}</option>
            {member && <option value={member.userId}>{member.name ?? '—'}</option>}
            {candidates
              .filter((c) => !onTeam.has(c.id))
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('projects.team.role')}
          <select value={role} onChange={(e) => setRole(e.target.value as ProjectTeamRole | '')}>
            {PROJECT_TEAM_ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`projects.roles.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('projects.team.allocation')}
          <input inputMode="numeric" value={allocation} onChange={(e) => setAllocation(e.target.value)} aria-invalid={allocationInvalid} />
        </label>
        {allocationInvalid && (
          <p role="alert" className="form-field__error">
            {t('projects.team.allocationInvalid')}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={() => void opened(null)}>
            {t('projects.team.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!userId || allocationInvalid}>
            {t('projects.team.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
