import { type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { type ConcurrentEdit, type FormValues } from '../lib/concurrent-edit'

/**
 * "Someone else changed this record while you were editing": who, when, which fields, their values, and for every
 * field the user also typed in, a choice between keeping theirs and taking the new value (lib/concurrent-edit.ts).
 */
export function ConcurrentEditNotice<V extends FormValues>({
  edit,
  labels,
  display,
}: {
  readonly edit: ConcurrentEdit<V>
  /** The form's label of each field. */
  readonly labels: Readonly<Record<string, string>>
  /** How a value reads (an option label for a select); default: the text itself. */
  readonly display?: (field: keyof V & string, value: string) => string
}): JSX.Element | null {
  const { t, i18n } = useTranslation()
  const remote = edit.remote
  if (!remote) return null
  const show = (field: keyof V & string, value: string | undefined): string => (value ? (display ? display(field, value) : value) : t('live.edit.empty'))
  const when = remote.at
    ? new Intl.DateTimeFormat(i18n.language === 'ko' ? 'ko-KR' : 'en-US', { dateStyle: 'medium', timeStyle: 'medium' }).format(Date.parse(remote.at))
    : null
  // Several fields can share a label (a sub-row added as a whole is named once): each label is listed once.
  const list = (of: readonly string[]): string =>
    new Intl.ListFormat(i18n.language === 'ko' ? 'ko-KR' : 'en-US', { type: 'conjunction' }).format([...new Set(of.map((f) => labels[f] ?? f))])
  const fields = list(remote.fields)
  const taken = remote.fields.filter((f) => !remote.conflicts.includes(f))
  return (
    <section className="concurrent-edit" role="status" aria-live="polite" data-testid="concurrent-edit-notice">
      <header>
        <strong>{t('live.edit.title', { name: remote.byName ?? t('live.someone') })}</strong>
        <span>{t('live.edit.summary', { when: when ?? '—', fields })}</span>
      </header>
      {remote.conflicts.length > 0 && (
        <ul className="concurrent-edit__conflicts">
          {remote.conflicts.map((field) => (
            <li key={field} data-field={field}>
              <span className="concurrent-edit__field">{labels[field] ?? field}</span>
              <span>
                {t('live.edit.theirs')}: <strong data-testid="theirs-value">{show(field, remote.theirs[field])}</strong>
              </span>
              <span>
                {t('live.edit.mine')}: <strong>{show(field, edit.values[field])}</strong>
              </span>
              <span className="concurrent-edit__actions">
                <button type="button" className="button button--small" onClick={() => edit.keepMine(field)}>
                  {t('live.edit.keepMine')}
                </button>
                <button type="button" className="button button--small" onClick={() => edit.takeTheirs(field)}>
                  {t('live.edit.takeTheirs')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {taken.length > 0 && (
        <p className="concurrent-edit__taken">
          {t('live.edit.taken', {
            fields: list(taken),
          })}
        </p>
      )}
      {remote.conflicts.length === 0 && (
        <button type="button" className="link-button" onClick={edit.dismissRemote}>
          {t('live.dismiss')}
        </button>
      )}
    </section>
  )
}
