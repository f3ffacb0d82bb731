import { type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Combobox } from '../../components/Combobox'
import { type ContactOption, type MeetingOptions } from '../../../../shared/ipc/meetings-types'
import { PARTICIPANT_ATTENDANCE, PARTICIPANT_ROLES } from '../../../../shared/model/enums'
import { draftKey, type FieldErrors, type ParticipantDraft } from './meeting-draft'
import { RowError } from './RowError'
import { useCan } from '../../lib/permissions'

/**
 * 참석자: colleagues (users), customer contacts of the meeting's company, or an external person typed by name and
 * company (a visitor without a contact card). Attendance and role are set per row.
 */
export function ParticipantsEditor({
  rows,
  errors,
  options,
  contacts,
  companyChosen,
  readOnly,
  onChange,
}: {
  readonly rows: readonly ParticipantDraft[]
  readonly errors: FieldErrors
  readonly options: MeetingOptions | null
  /** Contacts of the chosen company (null while none is chosen). */
  readonly contacts: readonly ContactOption[] | null
  readonly companyChosen: boolean
  readonly readOnly: boolean
  readonly onChange: (rows: readonly ParticipantDraft[]) => void
}): JSX.Element {
  const { t } = useTranslation()
  // A saved row taken out is deleted on save: offered only with the grant (a row not yet saved can always go).
  const canDelete = useCan('meeting_participants', 'delete')
  const [userId, setUserId] = useState('')
  const [contactId, setContactId] = useState('')
  const [freeName, setFreeName] = useState('')
  const [freeCompany, setFreeCompany] = useState('')
  // A contact chosen for another company (the company was changed since) is no choice.
  const chosenContact = contacts?.some((c) => c.id === contactId) ? contactId : ''

  const patch = (key: string, change: Partial<ParticipantDraft>): void => onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)))
  const add = (row: Omit<ParticipantDraft, 'key' | 'role' | 'attendance' | 'position'> & Partial<ParticipantDraft>): void =>
    onChange([...rows, { role: 'ATTENDEE', attendance: 'PENDING', position: null, ...row, key: draftKey() }])

  return (
    <div className="meeting-list-editor">
      {rows.length === 0 ? (
        <p className="muted">{t('meetings.participants.empty')}</p>
      ) : (
        <table className="meeting-table" data-testid="participants">
          <thead>
            <tr>
              <th>{t('meetings.participants.type')}</th>
              <th>{t('meetings.participants.name')}</th>
              <th>{t('meetings.participants.company')}</th>
              <th>{t('meetings.participants.role')}</th>
              <th>{t('meetings.participants.attendance')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r, index) => (
              <tr key={r.key}>
                <td>{t(`meetings.participantTypes.${r.participantType}`)}</td>
                <td>
                  {r.label}
                  {r.position ? <span className="muted"> · {r.position}</span> : null}
                  <RowError error={errors[`participants.${index}`]} />
                </td>
                <td>{r.company ?? ''}</td>
                <td>
                  <select
                    aria-label={t('meetings.participants.role')}
                    value={r.role ?? ''}
                    disabled={readOnly}
                    onChange={(e) => patch(r.key, { role: (e.target.value || null) as ParticipantDraft['role'] })}
                  >
                    <option value="">{t('meetings.dialog.none')}</option>
                    {PARTICIPANT_ROLES.map((v) => (
                      <option key={v} value={v}>
                        {t(`meetings.roles.${v}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={t('meetings.participants.attendance')}
                    value={r.attendance}
                    disabled={readOnly}
                    onChange={(e) => patch(r.key, { attendance: e.target.value as ParticipantDraft['attendance'] })}
                  >
                    {PARTICIPANT_ATTENDANCE.map((v) => (
                      <option key={v} value={v}>
                        {t(`meetings.attendance.${v}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {!readOnly && (r.id === undefined || canDelete) && (
                    <button type="button" className="link-button link-button--danger" onClick={() => onChange(rows.filter((x) => x.key !== r.key))}>
                      {t('meetings.dialog.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!readOnly && (
        <div className="meeting-adders">
          <div className="meeting-adder">
            <Combobox
              aria-label={t('meetings.participants.chooseUser')}
              placeholder={t('meetings.participants.chooseUser')}
              value={userId}
              options={(options?.users ?? []).map((u) => ({ value: u.id, label: u.name }))}
              onChange={setUserId}
            />
            <button
              type="button"
              className="button button--small"
              disabled={!userId}
              onClick={() => {
                const user = options?.users.find((u) => u.id === userId)
                if (!user) return
                add({ participantType: 'INTERNAL', userId: user.id, contactId: null, label: user.name, name: null, company: null })
                setUserId('')
              }}
            >
              {t('meetings.participants.addInternal')}
            </button>
          </div>
          <div className="meeting-adder">
            {!companyChosen ? (
              <span className="muted">{t('meetings.participants.chooseCompanyFirst')}</span>
            ) : contacts && contacts.length === 0 ? (
              <span className="muted">{t('meetings.participants.noContacts')}</span>
            ) : (
              <>
                <Combobox
                  aria-label={t('meetings.participants.chooseContact')}
                  placeholder={t('meetings.participants.chooseContact')}
                  value={chosenContact}
                  options={(contacts ?? []).map((c) => ({ value: c.id, label: c.name, hint: [c.position, c.department].filter(Boolean).join(' · ') || null }))}
                  onChange={setContactId}
                />
                <button
                  type="button"
                  className="button button--small"
                  disabled={!chosenContact}
                  onClick={() => {
                    const contact = contacts?.find((c) => c.id === chosenContact)
                    if (!contact) return
                    add({
                      participantType: 'EXTERNAL',
                      userId: null,
                      contactId: contact.id,
                      label: contact.name,
                      name: null,
                      company: null,
                      position: contact.position,
                    })
                    setContactId('')
                  }}
                >
                  {t('meetings.participants.addContact')}
                </button>
              </>
            )}
          </div>
          <div className="meeting-adder">
            <input
              aria-label={t('meetings.participants.freeName')}
              placeholder={t('meetings.participants.freeName')}
              value={freeName}
              maxLength={100}
              onChange={(e) => setFreeName(e.target.value)}
            />
            <input
              aria-label={t('meetings.participants.freeCompany')}
              placeholder={t('meetings.participants.freeCompany')}
              value={freeCompany}
              maxLength={100}
              onChange={(e) => setFreeCompany(e.target.value)}
            />
            <button
              type="button"
              className="button button--small"
              disabled={!freeName.trim()}
              onClick={() => {
                add({
                  participantType: 'EXTERNAL',
                  userId: null,
                  contactId: null,
                  label: freeName.trim(),
                  name: freeName.trim(),
                  company: freeCompany.trim() || null,
                })
                setFreeName('')
                setFreeCompany('')
              }}
            >
              {t('meetings.participants.addFreeText')}
            </button>
          </div>
        </div>
      )}
    </div>
  )
}
