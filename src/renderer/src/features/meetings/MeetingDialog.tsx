import { type JSX, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dateLong } from '../../lib/dates'
import { type MeetingDetail } from '../../../../shared/ipc/meetings-types'
import { type MeetingImportance, type MeetingLocationType, type MeetingStatus, type MeetingTarget, type MeetingType } from '../../../../shared/model/enums'
import { meetingFieldErrors, meetingSaveSchema } from '../../../../shared/model/validation/meetings'
import { ConcurrentEditNotice } from '../../components/ConcurrentEditNotice'
import { DeleteButton } from '../../components/DeleteButton'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ModalDialog } from '../../components/ModalDialog'
import { api } from '../../lib/api'
import { useConcurrentEdit } from '../../lib/concurrent-edit'
import { ActivityPanel } from '../activities'
import { type LogTarget } from '../activities'
import { useCan } from '../../lib/permissions'
import { useSessionStore } from '../session'
import { ActionItemsPanel } from './ActionItemsPanel'
import { AgendaEditor } from './AgendaEditor'
import { draftOf, newMeetingDraft, saveInputOf, tabOfField, type FieldErrors, type MeetingDraft, type MeetingTab } from './meeting-draft'
import { meetingDraftOf, meetingValuesOf, storedRowOf, type MeetingLiveValues } from './meeting-live-values'
import { meetingNoticeText } from './meeting-notice-text'
import { MinutesForm } from './MinutesForm'
import { OverviewFields } from './OverviewFields'
import { ParticipantsEditor } from './ParticipantsEditor'
import { ProductsEditor } from './ProductsEditor'
import { useMeetingsStore } from './meetings-store'

const TABS: readonly MeetingTab[] = ['overview', 'participants', 'agenda', 'minutes', 'actionItems', 'products']
/** Tabs saved together by the dialog's Save button; minutes and action items save on their own. */
/**
 * Activities have no MEETING entity (the schema's entity types are company, contact, lead, opportunity, project): a
 * call about a meeting is filed on what the meeting is for — its opportunity, project or company, in that order.
 */
function meetingLogTargets(meeting: MeetingDetail, opportunityLabel: string): LogTarget[] {
  const targets: LogTarget[] = []
  if (meeting.opportunityId) targets.push({ entityType: 'OPPORTUNITY', entityId: meeting.opportunityId, label: opportunityLabel })
  if (meeting.projectId) targets.push({ entityType: 'PROJECT', entityId: meeting.projectId, label: meeting.title })
  if (meeting.companyId) targets.push({ entityType: 'COMPANY', entityId: meeting.companyId, label: meeting.companyName ?? '' })
  return targets
}

const DRAFT_TABS: ReadonlySet<MeetingTab> = new Set(['overview', 'participants', 'agenda', 'products'])

/**
 * One meeting with its six tabs. The overview, attendees, agenda and proposed products are one draft saved together
 * (one local transaction); the whole draft is checked by the shared schema first, and a refused draft saves nothing
 * and marks the tabs holding the errors. The meeting and its attendee, agenda and product rows may change underneath
 * while the dialog is open (a colleague, a pull): the user's typing stays, untouched fields and rows take the new
 * values, a notice says who changed what, and saving lays only this user's changes over the meeting as it is now
 * (lib/concurrent-edit.ts over meeting-live-values.ts).
 */
export function MeetingDialog({ detail, date }: { readonly detail: MeetingDetail | null; readonly date: string }): JSX.Element {
  const { t } = useTranslation()
  const store = useMeetingsStore.getState
  const options = useMeetingsStore((s) => s.options)
  const contactsByCompany = useMeetingsStore((s) => s.contacts)
  const saving = useMeetingsStore((s) => s.saving)
  const error = useMeetingsStore((s) => s.error)
  const me = useSessionStore((s) => (s.session && s.session.status !== 'none' ? s.session.user : null))
  const canEdit = useCan('meetings', detail ? 'update' : 'create')
  const [initial] = useState(() => meetingValuesOf(detail ? draftOf(detail) : newMeetingDraft(date, me ? { id: me.id, name: me.name } : null)))
  // The whole draft — the meeting and its attendee, agenda and product rows — is one set of values merged field by
  // field (meeting-live-values.ts), so a colleague's edit of any of them shows up without losing what this user typed.
  const edit = useConcurrentEdit<MeetingLiveValues>({
    table: 'meetings',
    id: detail?.id ?? null,
    initial,
    read: async () => (detail ? meetingValuesOf(draftOf(await api.meetings.get({ id: detail.id }))) : null),
    alsoReads: ['meeting_participants', 'meeting_agenda', 'meeting_products'],
    rowOf: storedRowOf,
    onGone: () => void store().dialogClosed(),
  })
  const draft = meetingDraftOf(edit.values, detail?.id)
  const setDraft = (next: MeetingDraft): void => edit.saved(meetingValuesOf(next))
  const [tab, setTab] = useState<MeetingTab>('overview')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [notice, setNotice] = useState(false)
  const readOnly = !canEdit || detail?.status === 'CANCELLED'

  useEffect(() => {
    if (draft.companyId) void store().contactsNeeded(draft.companyId)
  }, [draft.companyId, store])

  const change = (patch: Partial<MeetingDraft>): void => {
    setNotice(false)
    const next = { ...draft, ...patch }
    edit.setValues(meetingValuesOf(next))
    // After a refused save, the messages follow the edits: a fixed field loses its error at once.
    if (Object.keys(errors).length > 0) {
      const parsed = meetingSaveSchema.safeParse(saveInputOf(next))
      setErrors(parsed.success ? {} : meetingFieldErrors(parsed.error))
    }
  }
  const errorTabs = new Set(Object.keys(errors).map(tabOfField))

  const save = async (): Promise<void> => {
    // The meeting as it is now with only this user's changes on top: a colleague's edit of another field survives.
    const prepared = await edit.prepareSave()
    if (!prepared) return
    const input = saveInputOf(meetingDraftOf(prepared.values, detail?.id))
    const parsed = meetingSaveSchema.safeParse(input)
    if (!parsed.success) {
      const found = meetingFieldErrors(parsed.error)
      setErrors(found)
      const tabs = new Set(Object.keys(found).map(tabOfField))
      if (!tabs.has(tab)) setTab(TABS.find((x) => tabs.has(x)) ?? 'overview')
      return
    }
    setErrors({})
    const saved = await store().meetingSaved(input)
    if (saved) {
      setDraft(draftOf(saved))
      setNotice(true)
    }
  }
  const cancelMeeting = async (): Promise<void> => {
    if (!detail || !window.confirm(t('meetings.dialog.confirmCancel'))) return
    const saved = await store().meetingCancelled(detail.id)
    if (saved) setDraft(draftOf(saved))
  }

  const overviewLabels: Record<string, string> = {
    title: t('meetings.overview.title'),
    description: t('meetings.overview.description'),
    target: t('meetings.overview.target'),
    type: t('meetings.overview.type'),
    companyId: t('meetings.overview.company'),
    date: t('meetings.overview.date'),
    startTime: t('meetings.overview.startTime'),
    endTime: t('meetings.overview.endTime'),
    locationType: t('meetings.overview.locationType'),
    locationAddress: t('meetings.overview.locationAddress'),
    locationRoom: t('meetings.overview.locationRoom'),
    onlineLink: t('meetings.overview.onlineLink'),
    status: t('meetings.overview.status'),
    importance: t('meetings.overview.importance'),
    hasFollowUp: t('meetings.overview.hasFollowUp'),
    followUpDate: t('meetings.overview.followUpDate'),
    opportunityId: t('meetings.overview.opportunity'),
    projectId: t('meetings.overview.project'),
  }
  const { labels, display: rowDisplay } = meetingNoticeText(edit, overviewLabels, options, t)
  const display = (field: string, value: string): string => {
    const row = rowDisplay(field, value)
    if (row !== null) return row
    if (field === 'status') return t(`meetings.statuses.${value as MeetingStatus}`)
    if (field === 'type') return t(`meetings.types.${value as MeetingType}`)
    if (field === 'target') return t(`meetings.targets.${value as MeetingTarget}`)
    if (field === 'importance') return t(`meetings.importance.${value as MeetingImportance}`)
    if (field === 'locationType') return t(`meetings.locationTypes.${value as MeetingLocationType}`)
    if (field === 'hasFollowUp') return value === '1' ? '✓' : value
    if (field === 'companyId') return options?.companies.find((c) => c.id === value)?.name ?? value
    return value
  }

  const title = detail ? detail.title : t('meetings.dialog.newTitle')
  return (
    <ModalDialog title={title} onClose={() => void store().dialogClosed()} wide>
      <div className="meeting-dialog" data-testid="meeting-dialog">
        {detail && (
          <p className="meeting-dialog__meta muted">
            <span className="tabular">{detail.code}</span> · {dateLong(detail.date)} {detail.startTime}–{detail.endTime}
            {detail.organizerName ? ` · ${t('meetings.overview.organizer')} ${detail.organizerName}` : ''} ·{' '}
            <span className={`meeting-status meeting-status--${detail.status.toLowerCase()}`}>{t(`meetings.statuses.${detail.status}`)}</span>
          </p>
        )}
        {detail?.status === 'CANCELLED' && <p className="meeting-dialog__cancelled">{t('meetings.dialog.cancelled')}</p>}
        {error && <ErrorBanner error={error} onDismiss={() => store().errorDismissed()} />}
        <ConcurrentEditNotice edit={edit} labels={labels} display={display} />
        {errorTabs.size > 0 && (
          <p className="form-error-summary" role="alert" data-testid="meeting-form-errors">
            {t('meetings.dialog.fixErrors')}
          </p>
        )}
        <div className="tabs" role="tablist" aria-label={title}>
          {TABS.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              className={errorTabs.has(id) ? 'tab meeting-tab--invalid' : 'tab'}
              onClick={() => setTab(id)}
            >
              {t(`meetings.dialog.tabs.${id}`)}
              {id === 'participants' && <span className="tab__count">{draft.participants.length}</span>}
              {id === 'agenda' && <span className="tab__count">{draft.agenda.length}</span>}
              {id === 'actionItems' && detail && <span className="tab__count">{detail.actionItems.length}</span>}
              {id === 'products' && <span className="tab__count">{draft.products.length}</span>}
              {errorTabs.has(id) && (
                <span className="meeting-tab__mark" aria-hidden="true">
                  !
                </span>
              )}
            </button>
          ))}
        </div>
        <div className="meeting-dialog__body" role="tabpanel">
          {tab === 'overview' && <OverviewFields draft={draft} errors={errors} options={options} readOnly={readOnly} onChange={change} />}
          {tab === 'participants' && (
            <ParticipantsEditor
              rows={draft.participants}
              errors={errors}
              options={options}
              contacts={draft.companyId ? (contactsByCompany[draft.companyId] ?? null) : null}
              companyChosen={Boolean(draft.companyId)}
              readOnly={readOnly}
              onChange={(participants) => change({ participants })}
            />
          )}
          {tab === 'agenda' && <AgendaEditor rows={draft.agenda} errors={errors} readOnly={readOnly} onChange={(agenda) => change({ agenda })} />}
          {tab === 'products' && (
            <ProductsEditor rows={draft.products} errors={errors} options={options} readOnly={readOnly} onChange={(products) => change({ products })} />
          )}
          {tab === 'minutes' &&
            (detail ? (
              <>
                <MinutesForm key={detail.id} meeting={detail} readOnly={readOnly} />
                <ActivityPanel targets={meetingLogTargets(detail, t('editing.activity.meetingOpportunity'))} />
              </>
            ) : (
              <SaveFirst readOnly={readOnly} saving={saving} onSave={() => void save()} />
            ))}
          {tab === 'actionItems' &&
            (detail ? (
              <ActionItemsPanel meeting={detail} options={options} readOnly={readOnly} />
            ) : (
              <SaveFirst readOnly={readOnly} saving={saving} onSave={() => void save()} />
            ))}
        </div>
        {DRAFT_TABS.has(tab) && (
          <div className="form-actions meeting-dialog__actions">
            {notice && (
              <span role="status" className="muted">
                {t('meetings.dialog.saved')}
              </span>
            )}
            {detail && !readOnly && (
              <button type="button" className="button button--danger" onClick={() => void cancelMeeting()}>
                {t('meetings.dialog.cancelMeeting')}
              </button>
            )}
            {detail && !readOnly && (
              <DeleteButton
                kind="meeting"
                id={detail.id}
                className="button button--ghost"
                onChanged={(what) => {
                  if (what === 'deleted') void store().dialogClosed()
                  else void store().screenOpened()
                }}
              />
            )}
            <button type="button" className="button button--ghost" onClick={() => void store().dialogClosed()}>
              {t('meetings.dialog.close')}
            </button>
            {!readOnly && (
              <button type="button" className="button button--primary" disabled={saving} onClick={() => void save()}>
                {saving ? t('meetings.dialog.saving') : t('meetings.dialog.save')}
              </button>
            )}
          </div>
        )}
      </div>
    </ModalDialog>
  )
}

/** On a meeting not saved yet, the minutes and action-item tabs say so and offer the save right there. */
function SaveFirst({ readOnly, saving, onSave }: { readonly readOnly: boolean; readonly saving: boolean; readonly onSave: () => void }): JSX.Element {
  const { t } = useTranslation()
  return (
    <div className="meeting-save-first">
      <p className="muted">{t('meetings.dialog.saveMeetingFirst')}</p>
      {!readOnly && (
        <button type="button" className="button button--primary" disabled={saving} onClick={onSave}>
          {saving ? t('meetings.dialog.saving') : t('meetings.dialog.save')}
        </button>
      )}
    </div>
  )
}
