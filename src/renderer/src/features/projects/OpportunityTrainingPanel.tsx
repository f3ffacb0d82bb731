import { type JSX, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type IpcError } from '../../../../shared/ipc/errors'
import { type OpportunityTraining } from '../../../../shared/ipc/training-types'
import { ErrorBanner } from '../../components/ErrorBanner'
import { api, toIpcError } from '../../lib/api'
import { openRecord } from '../../lib/record-links'

/**
 * On an opportunity's page: once it is won, "이 영업기회로 프로젝트 만들기" (company, branch, title and amount carried
 * over) and a link to each project already made from it. Lives in the projects feature; the opportunity page only
 * places it.
 */
export function OpportunityTrainingPanel({
  opportunityId,
  stage,
  onLeave,
}: {
  readonly opportunityId: string
  readonly stage: string
  readonly onLeave: () => void
}): JSX.Element | null {
  const { t } = useTranslation()
  const [training, setTraining] = useState<OpportunityTraining | null>(null)
  const [error, setError] = useState<IpcError | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let live = true
    void api.projects.forOpportunity({ opportunityId }).then(
      (value) => live && setTraining(value),
      (e: unknown) => live && setError(toIpcError(e)),
    )
    return () => {
      live = false
    }
  }, [opportunityId, stage])

  if (!training) return error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null
  const open = (projectId: string): void => {
    onLeave()
    openRecord({ screen: 'projects', projectId })
  }
  const create = async (): Promise<void> => {
    setBusy(true)
    try {
      const project = await api.projects.fromOpportunity({ opportunityId })
      open(project.id)
    } catch (e) {
      setError(toIpcError(e))
    } finally {
      setBusy(false)
    }
  }
  const makeContract = async (): Promise<void> => {
    setBusy(true)
    try {
      await api.contracts.fromOpportunity({ opportunityId })
      setTraining(await api.projects.forOpportunity({ opportunityId }))
    } catch (e) {
      setError(toIpcError(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="opportunity-training" aria-label={t('trainingOps.opportunity.title')}>
      <h3>{t('trainingOps.opportunity.title')}</h3>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {!training.won && <p className="muted">{t('trainingOps.opportunity.notWon')}</p>}
      {training.projects.map((p) => (
        <button key={p.id} type="button" className="link-button" onClick={() => open(p.id)}>
          {t('trainingOps.opportunity.openProject', { name: p.name })}
        </button>
      ))}
      {training.contracts.map((k) => (
        <p key={k.id} className="muted" data-testid="opportunity-contract">
          {t('trainingOps.opportunity.contract', { code: k.code, title: k.title })}
        </p>
      ))}
      {training.won && (
        <div className="form-actions">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void create()}>
            {t('trainingOps.opportunity.makeProject')}
          </button>
          {training.contracts.length === 0 && (
            <button type="button" className="button" disabled={busy} onClick={() => void makeContract()}>
              {t('trainingOps.opportunity.makeContract')}
            </button>
          )}
        </div>
      )}
    </section>
  )
}
