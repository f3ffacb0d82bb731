import { describe, expect, it } from 'vitest'
import { mergeRemote, mineOver } from '../../lib/concurrent-edit'
import { wonText } from '../../components/WonInput'
import { newMeetingDraft, type MeetingDraft } from './meeting-draft'
import { meetingDraftOf, meetingValuesOf, storedRowOf } from './meeting-live-values'

const id = (n: number): string => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`
const who = { byName: '김대표', at: '2026-12-07T05:00:00.000Z' }

const stored: MeetingDraft = {
  ...newMeetingDraft('2026-12-08', null),
  id: id(1),
  title: '제안 미팅',
  participants: [
    {
      key: id(2),
      id: id(2),
      participantType: 'INTERNAL',
      userId: id(3),
      contactId: null,
      label: '이서연',
      name: null,
      company: null,
      position: null,
      role: 'ORGANIZER',
      attendance: 'CONFIRMED',
    },
  ],
  agenda: [
    { key: id(4), id: id(4), topic: '니즈', duration: '30', presenter: '' },
    { key: id(5), id: id(5), topic: '일정', duration: '', presenter: '' },
  ],
  products: [{ key: id(6), id: id(6), productId: id(7), quantity: '20', unitPrice: wonText('300만'), discount: '10' }],
}

describe('meeting draft as live values', () => {
  it('round-trips a draft with its rows in order', () => {
    expect(meetingDraftOf(meetingValuesOf(stored), id(1))).toEqual(stored)
  })

  it('merges a colleague’s sub-row edits with the user’s and saves only the user’s changes over them', () => {
    const base = meetingValuesOf(stored)
    // The user adds an agenda item and changes the first one's duration.
    const mine = meetingValuesOf({
      ...stored,
      agenda: [{ ...stored.agenda[0]!, duration: '45' }, stored.agenda[1]!, { key: 'new-1', topic: '예산', duration: '', presenter: '' }],
    })
    // Meanwhile a colleague marked the attendee absent, renamed the second agenda item, removed the product line and
    // added an agenda item of their own.
    const fresh = meetingValuesOf({
      ...stored,
      participants: [{ ...stored.participants[0]!, attendance: 'ABSENT' }],
      agenda: [stored.agenda[0]!, { ...stored.agenda[1]!, topic: '일정 확정' }, { key: id(8), id: id(8), topic: '교육 장소', duration: '', presenter: '' }],
      products: [],
    })
    const merged = mergeRemote(mine, base, fresh, null, who)
    const onScreen = meetingDraftOf(merged.values, id(1))
    expect(onScreen.participants[0]!.attendance).toBe('ABSENT')
    expect(onScreen.agenda.map((a) => [a.topic, a.duration])).toEqual([
      ['니즈', '45'],
      ['일정 확정', ''],
      // Both added an item at position 3: the stored one first.
      ['교육 장소', ''],
      ['예산', ''],
    ])
    expect(onScreen.products).toEqual([])
    expect(merged.remote?.conflicts).toEqual([])

    // The next reload with nothing new changes nothing (a removed row's keys read '' in the base too).
    expect(mergeRemote(merged.values, merged.base, fresh, merged.remote, who).base).toBe(merged.base)

    const toSave = meetingDraftOf(mineOver(merged.values, merged.base, fresh), id(1))
    expect(toSave.agenda.map((a) => a.topic)).toEqual(['니즈', '일정 확정', '교육 장소', '예산'])
    expect(toSave.agenda[0]!.duration).toBe('45')
    expect(toSave.participants[0]!.attendance).toBe('ABSENT')
    expect(toSave.products).toEqual([])
  })

  it('lists a conflict when both changed the same sub-row field', () => {
    const base = meetingValuesOf(stored)
    const mine = meetingValuesOf({ ...stored, agenda: [{ ...stored.agenda[0]!, topic: '니즈 (B)' }, stored.agenda[1]!] })
    const fresh = meetingValuesOf({ ...stored, agenda: [{ ...stored.agenda[0]!, topic: '니즈 (A)' }, stored.agenda[1]!] })
    const merged = mergeRemote(mine, base, fresh, null, who)
    expect(merged.remote?.conflicts).toEqual([`agenda:${id(4)}:topic`])
    expect(meetingDraftOf(merged.values, id(1)).agenda[0]!.topic).toBe('니즈 (B)')
  })

  it('names the stored row behind a key, none for a row not saved yet or the meeting’s own field', () => {
    expect(storedRowOf(`agenda:${id(4)}:topic`)).toEqual({ table: 'meeting_agenda', id: id(4) })
    expect(storedRowOf(`participants:${id(2)}`)).toEqual({ table: 'meeting_participants', id: id(2) })
    expect(storedRowOf('agenda:new-1:topic')).toBeNull()
    expect(storedRowOf('title')).toBeNull()
  })
})
