import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type SatisfactionSummary } from '../../../../shared/domain/satisfaction'
import { ModalDialog } from '../../components/ModalDialog'
import { DialogError } from './DialogError'
import { useProjectsStore } from './projects-store'

const SCORES = ['1', '2', '3', '4', '5'] as const
type Aspect = 'overall' | 'content' | 'instructor' | 'operation'
const ASPECTS: readonly Aspect[] = ['overall', 'content', 'instructor', 'operation']

/**
 * Satisfaction answers (만족도) typed in from the paper or online survey, one after another: the dialog stays open and
 * clears after each save, and the running averages (derived in main) show at the top. Only the overall score is required.
 */
export function FeedbackDialog({
  target,
  summary,
}: {
  readonly target: { readonly sessionId: string; readonly classId: string | null; readonly label: string }
  readonly summary: SatisfactionSummary | null
}): JSX.Element {
  const { t } = useTranslation()
  const opened = useProjectsStore((s) => s.feedbackOpened)
  const recorded = useProjectsStore((s) => s.feedbackRecorded)
  const empty: Record<Aspect, string> = { overall: '', content: '', instructor: '', operation: '' }
  const [scores, setScores] = useState(empty)
  const [comment, setComment] = useState('')
  const score = (aspect: Aspect): number | null => (scores[aspect] ? Number(scores[aspect]) : null)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const overall = score('overall')
    if (overall === null) return
    const saved = await recorded({
      sessionId: target.sessionId,
      classId: target.classId,
      overallRating: overall,
      contentRating: score('content'),
      instructorRating: score('instructor'),
      operationRating: score('operation'),
      comment,
    })
    if (saved) {
      setScores(empty)
      setComment('')
    }
  }

  return (
    <ModalDialog title={`${target.label} ${t('projects.feedback.title')}`} onClose={() => opened(null)}>
      <DialogError />
      <p data-testid="feedback-summary">
        {summary === null ? t('projects.feedback.none') : t('projects.feedback.summary', { overall: summary.overall ?? '—', responses: summary.responses })}
      </p>
      <form className="training-form" onSubmit={(event) => void submit(event)}>
        {ASPECTS.map((aspect) => (
          <label key={aspect}>
            {t(`projects.feedback.${aspect}`)}
            <select value={scores[aspect]} onChange={(e) => setScores({ ...scores, [aspect]: e.target.value })} required={aspect === 'overall'}>
              <option value="">{aspect === 'overall' ? t('projects.feedback.choose') : t('projects.feedback.notRated')}</option>
              {SCORES.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className="training-form__wide">
          {t('projects.feedback.comment')}
          <input value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} />
        </label>
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={() => opened(null)}>
            {t('projects.feedback.close')}
          </button>
          <button type="submit" className="button button--primary" disabled={!scores.overall}>
            {t('projects.feedback.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
