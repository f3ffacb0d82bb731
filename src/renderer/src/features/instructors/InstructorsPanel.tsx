import { type JSX, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { money } from '../../lib/money'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useCan } from '../../lib/permissions'
import { InstructorDialog } from './InstructorDialog'
import { INSTRUCTORS_READS, useInstructorsStore } from './instructors-store'
import { useReloadOn } from '../../lib/live'

/** 강사: the directory, internal and external, with what each teaches; add / edit for users the rule allows. */
export function InstructorsPanel(): JSX.Element {
  const { t } = useTranslation()
  const instructors = useInstructorsStore((s) => s.instructors)
  const editing = useInstructorsStore((s) => s.editing)
  const error = useInstructorsStore((s) => s.error)
  const opened = useInstructorsStore((s) => s.opened)
  const dialogOpened = useInstructorsStore((s) => s.dialogOpened)
  const errorDismissed = useInstructorsStore((s) => s.errorDismissed)
  const canCreate = useCan('instructors', 'create')
  const canUpdate = useCan('instructors', 'update')

  useEffect(() => {
    void opened()
  }, [opened])
  useReloadOn(INSTRUCTORS_READS, () => useInstructorsStore.getState().opened())

  return (
    <div className="instructors">
      {error && <ErrorBanner error={error} onDismiss={errorDismissed} />}
      <div className="instructors__toolbar">
        <span className="muted">{t('instructors.count', { count: instructors?.length ?? 0 })}</span>
        {canCreate && (
          <button type="button" className="button button--primary" onClick={() => dialogOpened(null)}>
            {t('instructors.addTitle')}
          </button>
        )}
      </div>
      <table className="class-table">
        <thead>
          <tr>
            {(['name', 'kind', 'specialties', 'certifications', 'rating', 'hourlyRate', 'contact', 'actions'] as const).map((key) => (
              <th key={key}>{t(`instructors.columns.${key}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(instructors ?? []).map((i) => (
            <tr key={i.id} data-testid="instructor-row" className={i.isActive ? undefined : 'muted'}>
              <td>
                {i.name}
                {i.isActive ? '' : ` (${t('instructors.inactive')})`}
              </td>
              <td>{i.isInternal ? t('instructors.internal') : t('instructors.external')}</td>
              <td>{i.specialties.join(', ')}</td>
              <td>{i.certifications.join(', ')}</td>
              <td>{i.rating === null ? '—' : `${i.rating} / 5`}</td>
              <td>{i.hourlyRate === null ? '—' : money(i.hourlyRate)}</td>
              <td className="muted">{[i.email, i.phone].filter(Boolean).join(' · ')}</td>
              <td>
                {canUpdate && (
                  <button type="button" className="button button--small" aria-label={`${i.name} ${t('instructors.editTitle')}`} onClick={() => dialogOpened(i)}>
                    {t('instructors.edit')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing !== undefined && <InstructorDialog instructor={editing} />}
    </div>
  )
}
