import { type JSX, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { formatPhone } from '../../../../shared/domain/phone'
import { type TraineeView } from '../../../../shared/ipc/training-types'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ListFilter } from '../../components/ListFilter'
import { ModalDialog } from '../../components/ModalDialog'
import { useReloadOn } from '../../lib/live'
import { useCan } from '../../lib/permissions'
import { mergedPreview } from './trainee-merge'
import { TRAINEES_READS, useTraineesStore } from './trainees-store'

const phoneText = (phone: string | null): string => (phone ? formatPhone(phone) : '')
const affiliation = (t: TraineeView): string => [t.companyName, t.department, t.position].filter(Boolean).join(' · ')

/** 수강생 병합: choose the record to keep; the others' enrolments, marks and answers move to it, then they are deleted. */
function MergeDialog(): JSX.Element | null {
  const { t } = useTranslation()
  const merging = useTraineesStore((s) => s.merging)
  const error = useTraineesStore((s) => s.error)
  const store = useTraineesStore.getState
  if (!merging) return null
  const preview = mergedPreview(merging.people, merging.keepId)
  return (
    <ModalDialog title={t('trainees.merge.title', { count: merging.people.length })} onClose={() => store().mergeClosed()} wide>
      {error && <ErrorBanner error={error} onDismiss={() => store().errorDismissed()} />}
      <p className="muted">{t('trainees.merge.explain')}</p>
      <fieldset className="trainee-merge">
        <legend>{t('trainees.merge.keep')}</legend>
        {merging.people.map((p) => (
          <label key={p.id} className="trainee-merge__option">
            <input type="radio" name="keep" checked={merging.keepId === p.id} onChange={() => store().keepChosen(p.id)} />
            <strong>{p.name}</strong>
            <span>{phoneText(p.phone)}</span>
            <span>{p.email ?? ''}</span>
            <span className="muted">{affiliation(p)}</span>
            <span className="muted">{t('trainees.classes', { count: p.classes })}</span>
          </label>
        ))}
      </fieldset>
      {preview && (
        <p data-testid="merge-preview">
          {t('trainees.merge.after', {
            name: preview.name,
            phone: phoneText(preview.phone) || '—',
            email: preview.email ?? '—',
            affiliation: affiliation(preview) || '—',
          })}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button button--ghost" onClick={() => store().mergeClosed()}>
          {t('trainees.merge.cancel')}
        </button>
        <button type="button" className="button button--primary" onClick={() => void store().mergeConfirmed()}>
          {t('trainees.merge.confirm', { count: merging.people.length })}
        </button>
      </div>
    </ModalDialog>
  )
}

/**
 * 수강생: the directory of trainees on this device — find by name, phone or e-mail; the groups the identity rule
 * (same name + mobile or e-mail) calls one person, each mergeable; any chosen records merged by hand.
 */
export function TraineesPanel(): JSX.Element {
  const { t } = useTranslation()
  const query = useTraineesStore((s) => s.query)
  const found = useTraineesStore((s) => s.found)
  const duplicates = useTraineesStore((s) => s.duplicates)
  const selected = useTraineesStore((s) => s.selected)
  const merging = useTraineesStore((s) => s.merging)
  const merged = useTraineesStore((s) => s.merged)
  const error = useTraineesStore((s) => s.error)
  const store = useTraineesStore.getState
  // A merge fills in the kept record and deletes the others (trainees.ts merge): both grants, or the writer refuses it.
  const canUpdate = useCan('trainees', 'update')
  const canDelete = useCan('trainees', 'delete')
  const canMerge = canUpdate && canDelete
  useEffect(() => {
    void useTraineesStore.getState().opened()
  }, [])
  useReloadOn(TRAINEES_READS, () => store().opened(), { enabled: merging === null })

  return (
    <div className="trainees">
      {error && !merging && <ErrorBanner error={error} onDismiss={() => store().errorDismissed()} />}
      {merged && (
        <p className="admin-notice" role="status" data-testid="merge-done">
          {t('trainees.merge.done', { name: merged.name, count: merged.count })}
        </p>
      )}
      {duplicates.length > 0 && (
        <section className="card trainees__duplicates" aria-label={t('trainees.duplicates.title')} data-testid="trainee-duplicates">
          <h3>{t('trainees.duplicates.title', { count: duplicates.length })}</h3>
          <ul>
            {duplicates.map((group) => (
              <li key={group.map((p) => p.id).join()} data-testid="duplicate-group">
                <span>
                  {group[0]!.name} · {group.map((p) => phoneText(p.phone) || p.email || '—').join(' / ')} ·{' '}
                  {t('trainees.duplicates.records', { count: group.length })}
                </span>
                {canMerge && (
                  <button type="button" className="button button--small" onClick={() => store().mergeOpened(group)}>
                    {t('trainees.duplicates.merge')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="trainees__toolbar">
        <ListFilter value={query} onChange={(q) => void store().searched(q)} label={t('trainees.search')} placeholder={t('trainees.searchHint')} />
        {canMerge && (
          <button
            type="button"
            className="button"
            disabled={selected.length < 2}
            onClick={() => store().mergeOpened(found.filter((p) => selected.includes(p.id)))}
          >
            {t('trainees.mergeSelected', { count: selected.length })}
          </button>
        )}
      </div>
      <table className="class-table" data-testid="trainee-table">
        <thead>
          <tr>
            <th aria-label={t('trainees.columns.select')} />
            <th>{t('trainees.columns.name')}</th>
            <th>{t('trainees.columns.phone')}</th>
            <th>{t('trainees.columns.email')}</th>
            <th>{t('trainees.columns.affiliation')}</th>
            <th>{t('trainees.columns.classes')}</th>
          </tr>
        </thead>
        <tbody>
          {found.map((p) => (
            <tr key={p.id} data-testid="trainee-row">
              <td>
                {canMerge && (
                  <input
                    type="checkbox"
                    aria-label={t('trainees.select', { name: p.name })}
                    checked={selected.includes(p.id)}
                    onChange={() => store().toggled(p.id)}
                  />
                )}
              </td>
              <td>{p.name}</td>
              <td>{phoneText(p.phone)}</td>
              <td>{p.email ?? ''}</td>
              <td className="muted">{affiliation(p)}</td>
              <td>{p.classes}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {found.length === 0 && <p className="muted">{query ? t('everyday.listFilter.noMatch', { query }) : t('trainees.empty')}</p>}
      <MergeDialog />
    </div>
  )
}
