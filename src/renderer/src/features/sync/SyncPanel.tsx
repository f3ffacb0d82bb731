import { FileTransfers, useRefusedFileCount } from '../files'
import { FileBudgetSetting } from '../files'
import { type JSX, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { type ConflictView, type RejectedChangeView, type RenamedCodeView } from '../../../../shared/ipc/sales-types'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ModalDialog } from '../../components/ModalDialog'
import { describeValue } from './describe-value'
import { translateKey } from '../../i18n'
import { SYNC_REVIEW_READS, useSyncReviewStore } from './sync-review-store'
import { useSyncStore } from './sync-store'
import { useReloadOn } from '../../lib/live'

/** Known tables and fields get Korean names; anything else shows its SQL name rather than nothing. */
function tableName(table: string): string {
  const key = `syncPanel.tables.${table}`
  const text = translateKey(key)
  return text === key ? table : text
}
function fieldName(field: string): string {
  return knownFieldName(field) ?? field
}
/** Null for bookkeeping columns (codes, stored defaults): a rejected change lists only what a person typed. */
function knownFieldName(field: string): string | null {
  const key = `syncPanel.fields.${field}`
  const text = translateKey(key)
  return text === key ? null : text
}

function RejectedItem({ item }: { readonly item: RejectedChangeView }): JSX.Element {
  const { t, i18n } = useTranslation()
  const reapply = useSyncReviewStore((s) => s.rejectedReapplied)
  const dismiss = useSyncReviewStore((s) => s.rejectedDismissed)
  const words = { empty: t('syncPanel.emptyValue'), yes: t('syncPanel.yes'), no: t('syncPanel.no') }
  const time = new Intl.DateTimeFormat(i18n.language === 'ko' ? 'ko-KR' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' })
  const fields = Object.entries(item.fields).flatMap(([name, value]) => {
    const label = knownFieldName(name)
    return label ? [{ name, label, value }] : []
  })
  // A new row is sent whole (created_at included); anything else is an edit or a delete.
  const op = item.op === 'delete' ? 'delete' : 'created_at' in item.fields ? 'create' : 'upsert'
  return (
    <li className="review-item" data-testid="rejected-item" data-seq={item.seq}>
      <header>
        <span className="badge badge--warn">{t(`syncPanel.ops.${op}`)}</span>
        <strong>
          {tableName(item.table)} · {item.rowLabel ?? item.rowId.slice(0, 8)}
        </strong>
        <span className="muted">{t('syncPanel.madeAt', { time: time.format(Date.parse(item.createdAt)) })}</span>
      </header>
      <p className="review-item__reason">{item.reason ? t('syncPanel.reason', { reason: item.reason }) : t('syncPanel.noReason')}</p>
      <dl className="review-item__fields">
        {fields.slice(0, 6).map(({ name, label, value }) => (
          <div key={name}>
            <dt>{label}</dt>
            <dd>
              {item.table === 'leads' && name === 'status' && typeof value === 'string'
                ? t(`leads.statuses.${value}` as 'leads.statuses.NEW')
                : describeValue(name, value, words)}
            </dd>
          </div>
        ))}
      </dl>
      <div className="row-actions">
        <button type="button" className="button button--small button--primary" onClick={() => void reapply(item.seq)}>
          {t('syncPanel.applyMineAgain')}
        </button>
        <button type="button" className="button button--small button--ghost" onClick={() => void dismiss(item.seq)}>
          {t('syncPanel.dismiss')}
        </button>
      </div>
    </li>
  )
}

/** A record created offline whose code was taken on the server: kept under the next free code (CONTRACTS.md §2). */
function RenamedItem({ item }: { readonly item: RenamedCodeView }): JSX.Element {
  const { t, i18n } = useTranslation()
  const dismiss = useSyncReviewStore((s) => s.renamedDismissed)
  const time = new Intl.DateTimeFormat(i18n.language === 'ko' ? 'ko-KR' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <li className="review-item" data-testid="renamed-item" data-row-id={item.rowId}>
      <header>
        <span className="badge">{item.to}</span>
        <strong>
          {tableName(item.table)} · {item.rowLabel ?? item.rowId.slice(0, 8)}
        </strong>
        <span className="muted">{t('syncPanel.renamedAt', { time: time.format(Date.parse(item.at)) })}</span>
      </header>
      <p>{t('syncPanel.renamedExplain', { from: item.from, to: item.to })}</p>
      <div className="row-actions">
        <button type="button" className="button button--small button--ghost" onClick={() => void dismiss(item.rowId)}>
          {t('syncPanel.renamedOk')}
        </button>
      </div>
    </li>
  )
}

function ConflictItem({ item }: { readonly item: ConflictView }): JSX.Element {
  const { t, i18n } = useTranslation()
  const applyMine = useSyncReviewStore((s) => s.mineApplied)
  const keepTheirs = useSyncReviewStore((s) => s.theirsKept)
  const words = { empty: t('syncPanel.emptyValue'), yes: t('syncPanel.yes'), no: t('syncPanel.no') }
  const time = new Intl.DateTimeFormat(i18n.language === 'ko' ? 'ko-KR' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' })
  const at = (iso: string | null): string => (iso ? time.format(Date.parse(iso)) : '')
  // "Mine" is the side the signed-in user wrote; usually the losing one.
  const mine = item.mineLost
    ? { value: item.losingValue, name: item.losingUserName, at: item.losingAt }
    : { value: item.winningValue, name: item.winningUserName, at: item.winningAt }
  const theirs = item.mineLost
    ? { value: item.winningValue, name: item.winningUserName, at: item.winningAt }
    : { value: item.losingValue, name: item.losingUserName, at: item.losingAt }
  const show = (value: unknown): string => (item.field === 'deleted_at' && value ? t('syncPanel.deleted') : describeValue(item.field, value, words))
  return (
    <li className="review-item" data-testid="conflict-item" data-conflict-id={item.id}>
      <header>
        <span className="badge badge--warn">{t(`syncPanel.kinds.${item.kind}`)}</span>
        <strong>
          {tableName(item.table)} · {item.rowLabel ?? item.rowId.slice(0, 8)} · {fieldName(item.field)}
        </strong>
      </header>
      <div className="versus">
        <div className="versus__side versus__side--mine" data-testid="conflict-mine">
          <span className="versus__label">{t('syncPanel.mine')}</span>
          <span className="versus__value">{show(mine.value)}</span>
          <span className="muted">{t('syncPanel.by', { name: mine.name ?? t('syncPanel.unknownUser'), time: at(mine.at) })}</span>
        </div>
        <div className="versus__side" data-testid="conflict-theirs">
          <span className="versus__label">{t('syncPanel.theirs')}</span>
          <span className="versus__value">{show(theirs.value)}</span>
          <span className="muted">{t('syncPanel.by', { name: theirs.name ?? t('syncPanel.unknownUser'), time: at(theirs.at) })}</span>
        </div>
      </div>
      <div className="row-actions">
        {item.mineLost && (
          <button type="button" className="button button--small button--primary" onClick={() => void applyMine(item.id)}>
            {t('syncPanel.applyMine')}
          </button>
        )}
        <button type="button" className="button button--small" onClick={() => void keepTheirs(item.id)}>
          {t('syncPanel.keepTheirs')}
        </button>
      </div>
    </li>
  )
}

/** Opened from the status bar: what the server refused and which edits collided, each with a clear choice. */
export function SyncPanel(): JSX.Element | null {
  const { t } = useTranslation()
  const { open, renamed, rejected, conflicts, loaded, done, error, panelClosed, errorDismissed } = useSyncReviewStore()
  const refusedFiles = useRefusedFileCount()
  // Conflicts pulled and rejections answered while the panel is open show up in it.
  useReloadOn(SYNC_REVIEW_READS, () => useSyncReviewStore.getState().reload(), { enabled: open })
  useEffect(() => {
    if (!open) return undefined
    // A push answer (rejections) changes the outbox, not a synced table: follow the pushed status counts too.
    return useSyncStore.subscribe((state, previous) => {
      if (state.status?.rejected !== previous.status?.rejected) void useSyncReviewStore.getState().reload()
    })
  }, [open])
  const localOnly = useSyncStore((state) => state.status?.connection === 'local-only')
  if (!open) return null
  return (
    <ModalDialog title={t('syncPanel.title')} onClose={panelClosed} wide>
      <p className="muted">{t('syncPanel.intro')}</p>
      {error && <ErrorBanner error={error} onDismiss={errorDismissed} />}
      {done && (
        <p className="notice" role="status">
          {t('syncPanel.done')}
        </p>
      )}
      {loaded && renamed.length === 0 && rejected.length === 0 && conflicts.length === 0 && refusedFiles === 0 && (
        // Local-only (demo, or nobody signed in): nothing was sent, so "everything was processed" would be untrue.
        <p className="empty" data-testid="sync-panel-empty">
          {localOnly ? t('editing.sync.localOnly') : t('syncPanel.empty')}
        </p>
      )}
      {renamed.length > 0 && (
        <section aria-labelledby="review-renamed">
          <h3 id="review-renamed">{t('syncPanel.renamedTitle', { count: renamed.length })}</h3>
          <ul className="review-list">
            {renamed.map((item) => (
              <RenamedItem key={item.rowId} item={item} />
            ))}
          </ul>
        </section>
      )}
      <FileTransfers />
      <FileBudgetSetting />
      {rejected.length > 0 && (
        <section aria-labelledby="review-rejected">
          <h3 id="review-rejected">{t('syncPanel.rejectedTitle', { count: rejected.length })}</h3>
          <ul className="review-list">
            {rejected.map((item) => (
              <RejectedItem key={item.seq} item={item} />
            ))}
          </ul>
        </section>
      )}
      {conflicts.length > 0 && (
        <section aria-labelledby="review-conflicts">
          <h3 id="review-conflicts">{t('syncPanel.conflictsTitle', { count: conflicts.length })}</h3>
          <ul className="review-list">
            {conflicts.map((item) => (
              <ConflictItem key={item.id} item={item} />
            ))}
          </ul>
        </section>
      )}
    </ModalDialog>
  )
}
