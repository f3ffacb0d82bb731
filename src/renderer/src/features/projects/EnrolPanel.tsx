import { type JSX, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parsePastedTrainees, traineeRowOf } from '../../../../shared/domain/trainee-identity'
import { type TraineeView } from '../../../../shared/ipc/training-types'
import { api } from '../../lib/api'
import { useProjectsStore } from './projects-store'

/**
 * Adding people to a class (or every class of its 차수): find existing trainees in the directory, or paste rows copied
 * from a spreadsheet (이름, 연락처, 회사, 부서, 직급). Pasting is the fast path: focus the box, Ctrl+V, Tab to the
 * button, Enter — each row is found (name + mobile or e-mail) or created, confirmed while seats last, then waitlisted.
 */
export function EnrolPanel({ classId, sessionId }: { readonly classId: string; readonly sessionId: string }): JSX.Element {
  const { t } = useTranslation()
  const enrolled = useProjectsStore((s) => s.enrolled)
  const result = useProjectsStore((s) => s.enrolResult)
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<readonly TraineeView[]>([])
  const [pasted, setPasted] = useState('')
  const [wholeSession, setWholeSession] = useState(false)
  const parsed = parsePastedTrainees(pasted)
  const target = wholeSession ? { sessionId } : { classId }

  useEffect(() => {
    if (query.trim().length < 1) return
    let live = true
    void api.trainees.search({ query }).then(
      (rows) => live && setFound(rows),
      () => live && setFound([]),
    )
    return () => {
      live = false
    }
  }, [query])

  return (
    <section className="enrol-panel" aria-label={t('trainingOps.enrol.addTitle')}>
      <label className="enrol-panel__row">
        <input type="checkbox" checked={wholeSession} onChange={(e) => setWholeSession(e.target.checked)} />
        {t('trainingOps.enrol.wholeSession')}
      </label>
      <label>
        {t('trainingOps.enrol.search')}
        <input value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      {query.trim() && found.length > 0 && (
        <ul className="proposed-products" data-testid="trainee-search-results">
          {found.slice(0, 10).map((trainee) => (
            <li key={trainee.id}>
              {trainee.name} <span className="muted">{[trainee.companyName, trainee.department, trainee.phone].filter(Boolean).join(' · ')}</span>{' '}
              <button
                type="button"
                className="button button--small"
                aria-label={`${trainee.name} ${t('trainingOps.enrol.add')}`}
                onClick={() => void enrolled({ ...target, traineeIds: [trainee.id] })}
              >
                {t('trainingOps.enrol.add')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label>
        {t('trainingOps.enrol.paste')}
        <textarea value={pasted} placeholder={t('trainingOps.enrol.pastePlaceholder')} onChange={(e) => setPasted(e.target.value)} data-testid="enrol-paste" />
      </label>
      {pasted.trim() && (
        <p className="muted" data-testid="enrol-paste-count">
          {t('trainingOps.enrol.pasteRows', { count: parsed.rows.length })}
        </p>
      )}
      {parsed.errors.map((e) => (
        <p key={e.line} role="alert" className="form-field__error">
          {t('trainingOps.enrol.pasteErrors', { line: e.line, reason: t(`trainingOps.enrol.reasons.${e.reason}`) })}
        </p>
      ))}
      <div className="enrol-panel__row">
        <button
          type="button"
          className="button button--primary"
          disabled={parsed.rows.length === 0 || parsed.errors.length > 0}
          onClick={() =>
            void enrolled({ ...target, rows: parsed.rows.map(traineeRowOf) }).then((ok) => {
              if (ok) setPasted('')
            })
          }
        >
          {t('trainingOps.enrol.enrolPasted', { count: parsed.rows.length })}
        </button>
        {result && (
          <span className="enrol-result" role="status" data-testid="enrol-result">
            {t('trainingOps.enrol.result', { ...result })}
          </span>
        )}
      </div>
    </section>
  )
}
