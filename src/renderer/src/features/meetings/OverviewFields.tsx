import { type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { meetingDurationMinutes } from '../../../../shared/domain/meetings'
import { type MeetingOptions } from '../../../../shared/ipc/meetings-types'
import { MEETING_IMPORTANCE, MEETING_LOCATION_TYPES, MEETING_STATUSES, MEETING_TARGETS, MEETING_TYPES } from '../../../../shared/model/enums'
import { isIsoTime } from '../../../../shared/domain/dates'
import { type FieldErrors, type MeetingDraft } from './meeting-draft'
import { Combobox } from '../../components/Combobox'
import { FormField } from '../../components/FormField'
import { ExternalLink } from '../links'

/** 개요: what, with whom, when and where. The length is derived from the times, never typed. */
export function OverviewFields({
  draft,
  errors,
  options,
  readOnly,
  onChange,
}: {
  readonly draft: MeetingDraft
  readonly errors: FieldErrors
  readonly options: MeetingOptions | null
  readonly readOnly: boolean
  readonly onChange: (patch: Partial<MeetingDraft>) => void
}): JSX.Element {
  const { t } = useTranslation()
  const duration = isIsoTime(draft.startTime) && isIsoTime(draft.endTime) ? meetingDurationMinutes(draft.startTime, draft.endTime) : null
  const onsite = draft.locationType === 'ONSITE' || draft.locationType === 'HYBRID'
  const online = draft.locationType === 'ONLINE' || draft.locationType === 'HYBRID'
  return (
    <fieldset className="cu-form-grid meeting-form" disabled={readOnly}>
      <FormField label={t('meetings.overview.title')} error={errors['title']} wide>
        {(p) => <input {...p} value={draft.title} maxLength={255} onChange={(e) => onChange({ title: e.target.value })} />}
      </FormField>
      <FormField label={t('meetings.overview.target')} error={errors['target']}>
        {(p) => (
          <select {...p} value={draft.target} onChange={(e) => onChange({ target: e.target.value as MeetingDraft['target'] })}>
            {MEETING_TARGETS.map((v) => (
              <option key={v} value={v}>
                {t(`meetings.targets.${v}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('meetings.overview.type')} error={errors['type']}>
        {(p) => (
          <select {...p} value={draft.type} onChange={(e) => onChange({ type: e.target.value as MeetingDraft['type'] })}>
            {MEETING_TYPES.map((v) => (
              <option key={v} value={v}>
                {t(`meetings.types.${v}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('meetings.overview.company')} error={errors['companyId']} wide>
        {(p) => (
          <Combobox
            {...p}
            value={draft.companyId}
            noneLabel={t('meetings.overview.noCompany')}
            options={(options?.companies ?? []).map((c) => ({ value: c.id, label: c.name }))}
            onChange={(companyId) => onChange({ companyId })}
          />
        )}
      </FormField>
      <FormField label={t('meetings.overview.date')} error={errors['date']}>
        {(p) => <input {...p} type="date" value={draft.date} onChange={(e) => onChange({ date: e.target.value })} />}
      </FormField>
      <FormField label={t('meetings.overview.startTime')} error={errors['startTime']}>
        {(p) => <input {...p} type="time" value={draft.startTime} onChange={(e) => onChange({ startTime: e.target.value })} />}
      </FormField>
      <FormField
        label={t('meetings.overview.endTime')}
        error={errors['endTime']}
        hint={duration !== null ? `${t('meetings.overview.duration')} ${t('meetings.overview.durationValue', { minutes: duration })}` : undefined}
      >
        {(p) => <input {...p} type="time" value={draft.endTime} onChange={(e) => onChange({ endTime: e.target.value })} />}
      </FormField>
      <FormField label={t('meetings.overview.locationType')} error={errors['locationType']}>
        {(p) => (
          <select {...p} value={draft.locationType} onChange={(e) => onChange({ locationType: e.target.value as MeetingDraft['locationType'] })}>
            <option value="">{t('meetings.dialog.none')}</option>
            {MEETING_LOCATION_TYPES.map((v) => (
              <option key={v} value={v}>
                {t(`meetings.locationTypes.${v}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {onsite && (
        <>
          <FormField label={t('meetings.overview.locationAddress')} error={errors['locationAddress']} wide>
            {(p) => <input {...p} value={draft.locationAddress} maxLength={500} onChange={(e) => onChange({ locationAddress: e.target.value })} />}
          </FormField>
          <FormField label={t('meetings.overview.locationRoom')} error={errors['locationRoom']}>
            {(p) => <input {...p} value={draft.locationRoom} maxLength={100} onChange={(e) => onChange({ locationRoom: e.target.value })} />}
          </FormField>
        </>
      )}
      {online && (
        <FormField label={t('meetings.overview.onlineLink')} error={errors['onlineLink']} wide>
          {(p) => (
            <>
              <input {...p} type="url" value={draft.onlineLink} placeholder="https://" onChange={(e) => onChange({ onlineLink: e.target.value })} />
              {/^https?:\/\//i.test(draft.onlineLink.trim()) && <ExternalLink target={draft.onlineLink}>{t('device.externalLink.joinMeeting')}</ExternalLink>}
            </>
          )}
        </FormField>
      )}
      <FormField label={t('meetings.overview.importance')} error={errors['importance']}>
        {(p) => (
          <select {...p} value={draft.importance} onChange={(e) => onChange({ importance: e.target.value as MeetingDraft['importance'] })}>
            {MEETING_IMPORTANCE.map((v) => (
              <option key={v} value={v}>
                {t(`meetings.importance.${v}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('meetings.overview.status')} error={errors['status']}>
        {(p) => (
          <select {...p} value={draft.status} onChange={(e) => onChange({ status: e.target.value as MeetingDraft['status'] })}>
            {/* Cancelling has its own button (with a confirmation); the select offers the other states. */}
            {MEETING_STATUSES.filter((v) => v !== 'CANCELLED' || draft.status === 'CANCELLED').map((v) => (
              <option key={v} value={v}>
                {t(`meetings.statuses.${v}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('meetings.overview.description')} error={errors['description']} wide>
        {(p) => <textarea {...p} rows={3} value={draft.description} onChange={(e) => onChange({ description: e.target.value })} />}
      </FormField>
      <label className="meeting-form__check">
        <input type="checkbox" checked={draft.hasFollowUp} onChange={(e) => onChange({ hasFollowUp: e.target.checked })} />
        {t('meetings.overview.hasFollowUp')}
      </label>
      {draft.hasFollowUp && (
        <FormField label={t('meetings.overview.followUpDate')} error={errors['followUpDate']}>
          {(p) => <input {...p} type="date" value={draft.followUpDate} onChange={(e) => onChange({ followUpDate: e.target.value })} />}
        </FormField>
      )}
    </fieldset>
  )
}
