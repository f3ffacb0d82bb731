import { AttachmentsPanel } from '../files'
import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type MeetingDetail } from '../../../../shared/ipc/meetings-types'
import { CUSTOMER_REACTIONS, type CustomerReaction } from '../../../../shared/model/enums'
import { meetingFieldErrors, minutesSaveSchema } from '../../../../shared/model/validation/meetings'
import { type FieldErrors } from './meeting-draft'
import { FormField } from '../../components/FormField'
import { useMeetingsStore } from './meetings-store'

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

/** 회의록: one per meeting — summary, key points, decisions, next steps and what the customer showed. */
export function MinutesForm({ meeting, readOnly }: { readonly meeting: MeetingDetail; readonly readOnly: boolean }): JSX.Element {
  const { t } = useTranslation()
  const minutesSaved = useMeetingsStore((s) => s.minutesSaved)
  const m = meeting.minutes
  const [summary, setSummary] = useState(m?.summary ?? '')
  const [keyPoints, setKeyPoints] = useState(m?.keyPoints.join('\n') ?? '')
  const [decisions, setDecisions] = useState(m?.decisions.join('\n') ?? '')
  const [nextSteps, setNextSteps] = useState(m?.nextSteps ?? '')
  const [reaction, setReaction] = useState<CustomerReaction | ''>(m?.customerReaction ?? '')
  const [concerns, setConcerns] = useState(m?.customerConcerns.join('\n') ?? '')
  const [interests, setInterests] = useState(m?.customerInterests.join('\n') ?? '')
  const [competitors, setCompetitors] = useState(m?.competitorsMentioned.map((c) => (c.note ? `${c.name}: ${c.note}` : c.name)).join('\n') ?? '')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saved, setSaved] = useState(false)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const input = {
      meetingId: meeting.id,
      summary,
      keyPoints: lines(keyPoints),
      decisions: lines(decisions),
      nextSteps,
      customerReaction: reaction || null,
      customerConcerns: lines(concerns),
      customerInterests: lines(interests),
      competitorsMentioned: competitorsOf(competitors),
    }
    const parsed = minutesSaveSchema.safeParse(input)
    setSaved(false)
    if (!parsed.success) {
      setErrors(meetingFieldErrors(parsed.error))
      return
    }
    setErrors({})
    if (await minutesSaved(input)) setSaved(true)
  }

  const hint = t('meetings.minutes.linesHint')
  return (
    <>
      <form className="meeting-form meeting-form--single" onSubmit={(e) => void submit(e)}>
        <fieldset disabled={readOnly} className="meeting-form">
          <FormField label={t('meetings.minutes.summary')} error={errors['summary']} wide>
            {(p) => <textarea {...p} rows={4} value={summary} onChange={(e) => setSummary(e.target.value)} />}
          </FormField>
          <FormField label={t('meetings.minutes.keyPoints')} hint={hint} error={errors['keyPoints']}>
            {(p) => <textarea {...p} rows={3} value={keyPoints} onChange={(e) => setKeyPoints(e.target.value)} />}
          </FormField>
          <FormField label={t('meetings.minutes.decisions')} hint={hint} error={errors['decisions']}>
            {(p) => <textarea {...p} rows={3} value={decisions} onChange={(e) => setDecisions(e.target.value)} />}
          </FormField>
          <FormField label={t('meetings.minutes.nextSteps')} error={errors['nextSteps']} wide>
            {(p) => <textarea {...p} rows={2} value={nextSteps} onChange={(e) => setNextSteps(e.target.value)} />}
          </FormField>
          <FormField label={t('meetings.minutes.customerReaction')}>
            {(p) => (
              <select {...p} value={reaction} onChange={(e) => setReaction(e.target.value as CustomerReaction | '')}>
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
            {(p) => <textarea {...p} rows={2} value={competitors} onChange={(e) => setCompetitors(e.target.value)} />}
          </FormField>
          <FormField label={t('meetings.minutes.customerConcerns')} hint={hint} error={errors['customerConcerns']}>
            {(p) => <textarea {...p} rows={2} value={concerns} onChange={(e) => setConcerns(e.target.value)} />}
          </FormField>
          <FormField label={t('meetings.minutes.customerInterests')} hint={hint} error={errors['customerInterests']}>
            {(p) => <textarea {...p} rows={2} value={interests} onChange={(e) => setInterests(e.target.value)} />}
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
