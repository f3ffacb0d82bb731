import { type JSX, useEffect, useState } from 'react'
import { type ActivityEntityType } from '../../../../shared/model/enums'
import { useTranslation } from 'react-i18next'
import { type TimelineEntry } from '../../../../shared/model/customer-views'
import { api } from '../../lib/api'
import { QuickLogForm, type LogTarget } from './QuickLogForm'
import { Timeline } from './Timeline'

/**
 * The quick log and the activity timeline of one record (lead, opportunity, project, or a meeting's opportunity or
 * company): the same form as the company page, so a call is logged where the user already is.
 */
export function ActivityPanel({ targets, limit = 20 }: { readonly targets: readonly LogTarget[]; readonly limit?: number }): JSX.Element | null {
  const { t } = useTranslation()
  const first = targets[0]
  const [entries, setEntries] = useState<readonly TimelineEntry[]>([])
  const [version, setVersion] = useState(0)
  // The targets' "TYPE:id" list is this panel's identity: a new array with the same records must not re-read.
  const key = targets.map((target) => `${target.entityType}:${target.entityId}`).join(',')
  useEffect(() => {
    let live = true
    const records = key === '' ? [] : key.split(',').map((part) => part.split(':') as [ActivityEntityType, string])
    void Promise.all(records.map(([entityType, entityId]) => api.activities.timeline({ entityType, entityId, limit })))
      .then((all) => {
        if (!live) return
        const merged = new Map(all.flat().map((entry) => [entry.key, entry]))
        setEntries([...merged.values()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, limit))
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [key, limit, version])
  const reload = (): void => setVersion((v) => v + 1)
  if (!first) return null
  return (
    <section className="activity-panel" aria-label={t('editing.activity.title')}>
      <h3>{t('editing.activity.title')}</h3>
      <QuickLogForm targets={targets} onLogged={reload} />
      <Timeline entries={entries.filter((entry) => entry.kind === 'activity')} onChanged={reload} />
    </section>
  )
}
