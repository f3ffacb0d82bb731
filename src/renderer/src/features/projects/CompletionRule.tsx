import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_ATTENDANCE_POLICY } from '../../../../shared/domain/attendance'
import { type ProjectDetail } from '../../../../shared/ipc/training-types'
import { ModalDialog } from '../../components/ModalDialog'
import { useCan } from '../../lib/permissions'
import { DialogError } from './DialogError'
import { useProjectsStore } from './projects-store'

/** Whole percent 0–100, or empty (back to the default); anything else is refused before it reaches main. */
function parsePercent(text: string): { ok: true; value: number | null } | { ok: false } {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: true, value: null }
  if (!/^\d{1,3}$/.test(trimmed)) return { ok: false }
  const value = Number(trimmed)
  return value <= 100 ? { ok: true, value } : { ok: false }
}

function CompletionRuleDialog({ project, onClose }: { readonly project: ProjectDetail; readonly onClose: () => void }): JSX.Element {
  const { t } = useTranslation()
  const saved = useProjectsStore((s) => s.completionRuleSaved)
  const [text, setText] = useState(project.completionRule.isDefault ? '' : String(project.completionRule.percent))
  const parsed = parsePercent(text)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (!parsed.ok) return
    if (await saved({ projectId: project.id, completionPercent: parsed.value })) onClose()
  }

  return (
    <ModalDialog title={t('projects.completion.title')} onClose={onClose}>
      <DialogError />
      <form className="training-form" onSubmit={(event) => void submit(event)}>
        <label className="training-form__wide">
          {t('projects.completion.percent')}
          <input
            inputMode="numeric"
            value={text}
            placeholder={String(DEFAULT_ATTENDANCE_POLICY.completionPercent)}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={!parsed.ok}
          />
        </label>
        <p className="muted training-form__wide">{t('projects.completion.hint', { percent: DEFAULT_ATTENDANCE_POLICY.completionPercent })}</p>
        {!parsed.ok && (
          <p role="alert" className="form-field__error">
            {t('projects.completion.invalid')}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('projects.completion.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!parsed.ok}>
            {t('projects.completion.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}

/**
 * The project's completion rule (수료 기준) and how many trainees meet it, as facts of the project page; people who may
 * update projects change the rule in a small dialog.
 */
export function CompletionRuleFacts({ project }: { readonly project: ProjectDetail }): JSX.Element {
  const { t } = useTranslation()
  const canEdit = useCan('projects', 'update')
  const [editing, setEditing] = useState(false)
  const { completionRule: rule, training } = project
  return (
    <>
      <dt>{t('projects.completion.label')}</dt>
      <dd data-testid="completion-rule">
        {t('projects.completion.rule', { percent: rule.percent })}
        {rule.isDefault ? <span className="muted"> ({t('projects.completion.defaultRule')})</span> : null}{' '}
        {canEdit && (
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            {t('projects.completion.change')}
          </button>
        )}
        {editing && <CompletionRuleDialog project={project} onClose={() => setEditing(false)} />}
      </dd>
      <dt>{t('projects.completion.trainees')}</dt>
      <dd data-testid="completion-figures">
        {training.trainees === 0
          ? '—'
          : `${t('projects.completion.traineesFigure', { trainees: training.trainees, completed: training.completed })} (${training.completionRate}%)`}
      </dd>
    </>
  )
}
