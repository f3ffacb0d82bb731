import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dateLong, dateTime } from '../../lib/dates'
import { type ActionItemView, type MeetingDetail, type MeetingOptions } from '../../../../shared/ipc/meetings-types'
import { ACTION_ITEM_PRIORITIES, type ActionItemPriority } from '../../../../shared/model/enums'
import { actionItemSaveSchema, meetingFieldErrors } from '../../../../shared/model/validation/meetings'
import { type FieldErrors } from './meeting-draft'
import { DeleteButton } from '../../components/DeleteButton'
import { FormField } from '../../components/FormField'
import { useMeetingsStore } from './meetings-store'
import { api } from '../../lib/api'

/** 액션 아이템: who does what by when; "완료 처리" stamps the completion time, "다시 열기" clears it. */
export function ActionItemsPanel({
  meeting,
  options,
  readOnly,
}: {
  readonly meeting: MeetingDetail
  readonly options: MeetingOptions | null
  readonly readOnly: boolean
}): JSX.Element {
  const { t } = useTranslation()
  const actionItemSaved = useMeetingsStore((s) => s.actionItemSaved)
  const meetingOpened = useMeetingsStore((s) => s.meetingOpened)
  const [task, setTask] = useState('')
  const [assigneeId, setAssigneeId] = useState('')
  const [dueDate, setDueDate] = useState('')
  const [priority, setPriority] = useState<ActionItemPriority>('MEDIUM')
  const [errors, setErrors] = useState<FieldErrors>({})

  const add = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const input = { meetingId: meeting.id, task, assigneeId: assigneeId || null, dueDate: dueDate || null, priority }
    const parsed = actionItemSaveSchema.safeParse(input)
    if (!parsed.success) {
      setErrors(meetingFieldErrors(parsed.error))
      return
    }
    setErrors({})
    if (await actionItemSaved(input)) {
      setTask('')
      setDueDate('')
      setPriority('MEDIUM')
    }
  }
  const toggle = async (shown: ActionItemView): Promise<void> => {
    // The item as stored now, not as last drawn: a colleague's change of its task or due date must not be written back.
    const item = (await api.meetings.get({ id: meeting.id }).catch(() => null))?.actionItems.find((x) => x.id === shown.id) ?? shown
    await actionItemSaved({
      id: item.id,
      meetingId: meeting.id,
      task: item.task,
      assigneeId: item.assigneeId,
      dueDate: item.dueDate,
      priority: item.priority,
      status: item.status === 'COMPLETED' ? 'PENDING' : 'COMPLETED',
      notes: item.notes,
    })
  }

  return (
    <div className="meeting-list-editor">
      {meeting.actionItems.length === 0 ? (
        <p className="muted">{t('meetings.actions.empty')}</p>
      ) : (
        <table className="meeting-table" data-testid="action-items">
          <thead>
            <tr>
              <th>{t('meetings.actions.task')}</th>
              <th>{t('meetings.actions.assignee')}</th>
              <th>{t('meetings.actions.dueDate')}</th>
              <th>{t('meetings.actions.priority')}</th>
              <th>{t('meetings.actions.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {meeting.actionItems.map((item) => (
              <tr
                key={item.id}
                data-testid="action-item"
                data-status={item.status}
                className={item.status === 'COMPLETED' ? 'meeting-action--done' : undefined}
              >
                <td>{item.task}</td>
                <td>{item.assigneeName ?? t('meetings.actions.noAssignee')}</td>
                <td>{item.dueDate ? dateLong(item.dueDate) : '—'}</td>
                <td>{t(`meetings.importance.${item.priority}`)}</td>
                <td>
                  {t(`meetings.actionStatuses.${item.status}`)}
                  {item.completedAt && <div className="muted small">{t('meetings.actions.completedAt', { when: dateTime(item.completedAt) })}</div>}
                </td>
                <td>
                  {!readOnly && (
                    <span className="row-actions-cell">
                      <button type="button" className="button button--small" onClick={() => void toggle(item)}>
                        {item.status === 'COMPLETED' ? t('meetings.actions.reopen') : t('meetings.actions.markDone')}
                      </button>
                      <DeleteButton
                        kind="actionItem"
                        id={item.id}
                        className="link-button link-button--danger"
                        ariaLabel={`${item.task} ${t('everyday.delete.action')}`}
                        onChanged={() => void meetingOpened(meeting.id)}
                      />
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!readOnly && (
        <form className="meeting-action-form" onSubmit={(e) => void add(e)}>
          <FormField label={t('meetings.actions.task')} error={errors['task']} wide>
            {(p) => <input {...p} value={task} maxLength={255} onChange={(e) => setTask(e.target.value)} />}
          </FormField>
          <FormField label={t('meetings.actions.assignee')} error={errors['assigneeId']}>
            {(p) => (
              <select {...p} value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
                <option value="">{t('meetings.actions.noAssignee')}</option>
                {(options?.users ?? []).map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('meetings.actions.dueDate')} error={errors['dueDate']}>
            {(p) => <input {...p} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />}
          </FormField>
          <FormField label={t('meetings.actions.priority')}>
            {(p) => (
              <select {...p} value={priority} onChange={(e) => setPriority(e.target.value as ActionItemPriority)}>
                {ACTION_ITEM_PRIORITIES.map((v) => (
                  <option key={v} value={v}>
                    {t(`meetings.importance.${v}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <div className="form-actions">
            <button type="submit" className="button button--small button--primary">
              {t('meetings.actions.add')}
            </button>
          </div>
        </form>
      )}
    </div>
  )
}
