import { AttachmentsPanel } from '../files'
import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type MeetingDetail } from '../../../../shared/ipc/meetings-types'
import { CUSTOMER_REACTIONS, type CustomerReaction } from '../../../../shared/model/enums'
import { meetingFieldErrors, minutesSaveSchema } from '../../../../shared/model/validation/meetings'
import { type FieldErrors } from './meeting-draft'
import { FormField } from '../../components/FormField'
import { useMeetingsStore } from './meetings-store'
import { ConcurrentEditNotice } from '../../components/ConcurrentEditNotice'
import { api } from '../../lib/api'
import { useConcurrentEdit } from '../../lib/concurrent-edit'

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)

/** "경쟁사: 메모" per line; the part before the first colon is the competitor's name. */
function competitorsOf(text: string): { name: string; note?: string }[] {
  return lines(text).map((line) => {
    const at = line.search(/[:：]/)
    if (at < 0) return { name: line }
    const note = line.slice(at + 1).trim()
    return note ? { name: line.slice(0, at).trim(), note } : { name: line.slice(0, at).trim() }
  })
}

/** The minutes row as form text (lists one item a line), the shape lib/concurrent-edit.ts merges field by field. */
function minutesValuesOf(m: MeetingDetail['minutes']) {
  return {
    summary: m?.summary ?? '',
    keyPoints: m?.keyPoints.join('\n') ?? '',
    decisions: m?.decisions.join('\n') ?? '',
    nextSteps: m?.nextSteps ?? '',
    customerReaction: (m?.customerReaction ?? '') as string,
    customerConcerns: m?.customerConcerns.join('\n') ?? '',
    customerInterests: m?.customerInterests.join('\n') ?? '',
    competitors: m?.competitorsMentioned.map((c) => (c.note ? `${c.name}: ${c.note}` : c.name)).join('\n') ?? '',
  }
}
type MinutesValues = ReturnType<typeof minutesValuesOf>

/**
 * 회의록: one per meeting — summary, key points, decisions, next steps and what the customer showed. A colleague may
 * write the same minutes meanwhile: their fields appear where this user has not typed, a notice names who and what,
 * and saving lays only this user's changes over the minutes as they are now (lib/concurrent-edit.ts). Minutes first
 * written elsewhere while this form was empty are merged the same way once they arrive (the row's id appears).
 */
export function MinutesForm({ meeting, readOnly }: { readonly meeting: MeetingDetail; readonly readOnly: boolean }): JSX.Element {
  const { t } = useTranslation()
  const minutesSaved = useMeetingsStore((s) => s.minutesSaved)
  const m = meeting.minutes
  const [initial] = useState(() => minutesValuesOf(m))
  const edit = useConcurrentEdit<MinutesValues>({
    table: 'meeting_minutes',
    id: m?.id ?? null,
    initial,
    read: async () => {
      const minutes = (await api.meetings.get({ id: meeting.id })).minutes
      return minutes ? minutesValuesOf(minutes) : null
    },
  })
  const v = edit.values
  const set = (field: keyof MinutesValues) => (value: string) => edit.setValues((current) => ({ ...current, [field]: value }))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saved, setSaved] = useState(false)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const prepared = await edit.prepareSave()
    if (!prepared) return
    const p = prepared.values
    const input = {
      meetingId: meeting.id,
      summary: p.summary,
      keyPoints: lines(p.keyPoints),
      decisions: lines(p.decisions),
      nextSteps: p.nextSteps,
      customerReaction: (p.customerReaction || null) as CustomerReaction | null,
      customerConcerns: lines(p.customerConcerns),
      customerInterests: lines(p.customerInterests),
      competitorsMentioned: competitorsOf(p.competitors),
    }
    const parsed = minutesSaveSchema.safeParse(input)
    setSaved(false)
    if (!parsed.success) {
      setErrors(meetingFieldErrors(parsed.error))
      return
    }
    setErrors({})
    const detail = await minutesSaved(input)
    if (detail) {
      edit.saved(minutesValuesOf(detail.minutes))
      setSaved(true)
    }
  }
  const labels: Record<keyof MinutesValues, string> = {
    summary: t('meetings.minutes.summary'),
    keyPoints: t('meetings.minutes.keyPoints'),
    decisions: t('meetings.minutes.decisions'),
    nextSteps: t('meetings.minutes.nextSteps'),
    customerReaction: t('meetings.minutes.customerReaction'),
    customerConcerns: t('meetings.minutes.customerConcerns'),
    customerInterests: t('meetings.minutes.customerInterests'),
    competitors: t('meetings.minutes.competitors'),
  }

  const hint = t('meetings.minutes.linesHint')
  return (
    <>
      <ConcurrentEditNotice
        edit={edit}
        labels={labels}
        display={(field, value) => (field === 'customerReaction' ? t(`meetings.reactions.${value as CustomerReaction}`) : value)}
      />
      <form className="meeting-form meeting-form--single" onSubmit={(e) => void submit(e)}>
        <fieldset disabled={readOnly} className="meeting-form">
          <FormField label={t('meetings.minutes.summary')} error={errors['summary']} wide>
            {(p) => <textarea {...p} rows={4} value={v.summary} onChange={(e) => set('summary')(e.target.value)} />}
          </FormField>
          <FormField label={t('meetings.minutes.keyPoints')} hint={hint} error={errors['keyPoints']}>
            {(p) => <textarea {...p} rows={3} value={v.keyPoints} onChange={(e) => set('keyPoints')(e.target.value)} />}
          </FormField>
          <FormField label={t('meetings.minutes.decisions')} hint={hint} error={errors['decisions']}>
            {(p) => <textarea {...p} rows={3} value={v.decisions} onChange={(e) => set('decisions')(e.target.value)} />}
          </FormField>
          <FormField label={t('meetings.minutes.nextSteps')} error={errors['nextSteps']} wide>
            {(p) => <textarea {...p} rows={2} value={v.nextSteps} onChange={(e) => set('nextSteps')(e.target.value)} />}
          </FormField>
          <FormField label={t('meetings.minutes.customerReaction')}>
            {(p) => (
              <select {...p} value={v.customerReaction} onChange={(e) => set('customerReaction')(e.target.value)}>
                <option value="">{t('meetings.dialog.none')}</option>
                {CUSTOMER_REACTIONS.map((v) => (
                  <option key={v} value={v}>
                    {t(`meetings.reactions.${v}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('meetings.minutes.competitors')} hint={t('meetings.minutes.competitorsHint')} error={errors['competitorsMentioned']}>
            {(p) => <textarea {...p} rows={2} value={v.competitors} onChange={(e) => set('competitors')(e.target.value)} />}
          </FormField>
          <FormField label={t('meetings.minutes.customerConcerns')} hint={hint} error={errors['customerConcerns']}>
            {(p) => <textarea {...p} rows={2} value={v.customerConcerns} onChange={(e) => set('customerConcerns')(e.target.value)} />}
          </FormField>
          <FormField label={t('meetings.minutes.customerInterests')} hint={hint} error={errors['customerInterests']}>
            {(p) => <textarea {...p} rows={2} value={v.customerInterests} onChange={(e) => set('customerInterests')(e.target.value)} />}
          </FormField>
        </fieldset>
        {!readOnly && (
          <div className="form-actions">
            {saved && (
              <span role="status" className="muted">
                {t('meetings.minutes.saved')}
              </span>
            )}
            <button type="submit" className="button button--primary">
              {t('meetings.minutes.save')}
            </button>
          </div>
        )}
      </form>
      {/* Files hang on the saved minutes row (the seed's attachments column): saving the minutes first gives them one. */}
      {m ? <AttachmentsPanel entityType="MEETING_MINUTES" entityId={m.id} readOnly={readOnly} /> : <p className="muted">{t('files.saveFirst')}</p>}
    </>
  )
}
