import { minutesId } from '../../../shared/ids/pair-id'
import { isGeneratedRecordCode } from '../../../shared/ids/record-code'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { actionItemSaveSchema, meetingSaveSchema, minutesSaveSchema, type MeetingSaveInput } from '../../../shared/model/validation/meetings'
import { countRows, createTempDir, testId, type TempDir } from '../../../../test/support/device/fixtures'
import { createMeetingsRepo, type MeetingsRepo } from './meetings'
import { MeetingRuleError } from './rules'
import { openRepoTestDevice, type RepoTestDevice } from '../../../../test/support/device/repos'

const CONSULTANT = { id: testId(0xa1), tier: 'OPERATOR' } as const
const COLLEAGUE = testId(0xa2)
const COMPANY = testId(0xc0)
const OTHER_COMPANY = testId(0xc1)
const BRANCH = testId(0xb0)
const CONTACT = testId(0xcc)
const LEADERSHIP = testId(0x9a) // list price 350,000
const ASSESSMENT = testId(0x9b) // no list price
const PROJECT = testId(0x90)
const SESSION = testId(0x51)
const CLASS = testId(0xc1a55)

describe('meetings repository (real SQLite)', () => {
  let dir: TempDir
  let device: RepoTestDevice
  let repo: MeetingsRepo

  beforeEach(() => {
    dir = createTempDir()
    device = openRepoTestDevice(dir.file('meetings.sqlite'), '2026-11-25T00:10:00.000Z')
    device.addUser({ id: CONSULTANT.id, lastName: '이', firstName: '서연' })
    device.addUser({ id: COLLEAGUE, lastName: '박', firstName: '지훈' })
    device.signInAs(CONSULTANT)
    repo = createMeetingsRepo(device)
    const w = device.writer
    w.upsert('companies', COMPANY, { code: 'C-1', name: '(주)한빛제약', status: 'ACTIVE', tier: 'GOLD' })
    w.upsert('companies', OTHER_COMPANY, { code: 'C-2', name: '가람전자', status: 'ACTIVE', tier: 'SILVER' })
    w.upsert('branches', BRANCH, { company_id: COMPANY, code: 'B-1', name: '본사' })
    w.upsert('contacts', CONTACT, { branch_id: BRANCH, last_name: '최', first_name: '유진', position: '과장', department: '인사팀' })
    // The catalogue is a manager's to write (the writer checks); the consultant receives it.
    device.signInAs({ id: CONSULTANT.id, tier: 'MANAGER' })
    w.upsert('products', LEADERSHIP, { code: 'PR-1', name: '신임 팀장 리더십', list_price: 350_000 })
    w.upsert('products', ASSESSMENT, { code: 'PR-2', name: '역량 진단' })
    device.signInAs(CONSULTANT)
    w.upsert('projects', PROJECT, { code: 'P-1', name: '리더십 과정', company_id: COMPANY, status: 'IN_PROGRESS', priority: 'HIGH' })
    w.upsert('training_sessions', SESSION, { project_id: PROJECT, session_number: 2, name: '2차 집합', start_date: '2026-11-24', end_date: '2026-11-27' })
    w.upsert('training_classes', CLASS, { session_id: SESSION, class_number: 1, date: '2026-11-26', start_time: '09:00', end_time: '12:00' })
  })
  afterEach(() => {
    device.close()
    dir.remove()
  })

  const meeting = (over: Partial<MeetingSaveInput> = {}): MeetingSaveInput => ({
    title: '한빛제약 리더십 제안 미팅',
    target: 'CUSTOMER',
    type: 'PROPOSAL',
    companyId: COMPANY,
    date: '2026-11-27',
    startTime: '14:00',
    endTime: '15:30',
    locationType: 'ONSITE',
    locationAddress: '서울 강남구 테헤란로 1',
    participants: [
      { participantType: 'INTERNAL', userId: CONSULTANT.id, role: 'ORGANIZER', attendance: 'CONFIRMED' },
      { participantType: 'EXTERNAL', contactId: CONTACT, role: 'ATTENDEE' },
      { participantType: 'EXTERNAL', name: '정하늘', company: '한빛제약 교육팀', position: '대리' },
    ],
    agenda: [
      { topic: '교육 니즈 확인', duration: 30 },
      { topic: '커리큘럼 제안', duration: 45, presenter: '이서연' },
    ],
    products: [
      { productId: LEADERSHIP, quantity: 20, discountPercent: 10 },
      { productId: ASSESSMENT, quantity: 3, unitPrice: 333_333, discountPercent: 12.5 },
    ],
    ...over,
  })
  const save = (input: MeetingSaveInput) => repo.save(meetingSaveSchema.parse(input))

  it('saves a meeting with participants, ordered agenda and priced products in one transaction, and derives totals', () => {
    const before = device.outbox.pendingCount()
    const saved = save(meeting())
    expect(saved.code).toSatisfy((code: string) => isGeneratedRecordCode('meetings', code))
    expect(saved).toMatchObject({ organizerName: '이서연', companyName: '(주)한빛제약', durationMinutes: 90, participantCount: 3 })
    expect(saved.participants.map((p) => [p.displayName, p.company, p.position])).toEqual([
      ['이서연', null, null],
      ['최유진', '(주)한빛제약', '과장'],
      ['정하늘', '한빛제약 교육팀', '대리'],
    ])
    expect(saved.agenda.map((a) => [a.sequence, a.topic])).toEqual([
      [1, '교육 니즈 확인'],
      [2, '커리큘럼 제안'],
    ])
    // Unit price defaults from the list price: 20 × 350,000 × 0.9 = 6,300,000; 3 × 333,333 × 0.875 = 874,999.125 → 874,999.
    expect(saved.products.map((l) => [l.unitPrice, l.gross, l.discount, l.total])).toEqual([
      [350_000, 7_000_000, 700_000, 6_300_000],
      [333_333, 999_999, 125_000, 874_999],
    ])
    expect(saved.proposal).toEqual({ gross: 7_999_999, discount: 825_000, total: 7_174_999, unpricedLines: 0 })
    // 1 meeting + 3 participants + 2 agenda + 2 products, each in the outbox; totals are not stored anywhere.
    expect(device.outbox.pendingCount() - before).toBe(8)
    const columns = device.sqlite.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('meeting_products')").all()
    expect(columns.map((c) => c.name)).not.toContain('total_price')
  })

  it('updates child lists as a whole: keeps sent ids, creates new rows, soft-deletes the rest, reorders the agenda', () => {
    const first = save(meeting())
    const [organizer, contact] = first.participants
    const updated = save(
      meeting({
        id: first.id,
        participants: [
          { id: organizer!.id, participantType: 'INTERNAL', userId: CONSULTANT.id, attendance: 'ATTENDED' },
          { id: contact!.id, participantType: 'EXTERNAL', contactId: CONTACT, attendance: 'ABSENT' },
          { participantType: 'INTERNAL', userId: COLLEAGUE },
        ],
        agenda: [
          { id: first.agenda[1]!.id, topic: '커리큘럼 제안' },
          { id: first.agenda[0]!.id, topic: '교육 니즈 확인' },
        ],
        products: [{ id: first.products[0]!.id, productId: LEADERSHIP, quantity: 25, unitPrice: 300_000, discountPercent: 0 }],
      }),
    )
    expect(updated.code).toBe(first.code)
    // Internal participants first, then external ones, each in the order they were added.
    expect(updated.participants.map((p) => [p.displayName, p.attendance])).toEqual([
      ['이서연', 'ATTENDED'],
      ['박지훈', 'PENDING'],
      ['최유진', 'ABSENT'],
    ])
    expect(updated.agenda.map((a) => [a.sequence, a.topic])).toEqual([
      [1, '커리큘럼 제안'],
      [2, '교육 니즈 확인'],
    ])
    expect(updated.products.map((l) => l.total)).toEqual([7_500_000])
    expect(updated.proposal.total).toBe(7_500_000)
    // The free-text participant and the second product are tombstoned, not erased (they sync as deletions).
    expect(countRows(device.sqlite, 'meeting_participants')).toBe(4)
    expect(device.sqlite.prepare('SELECT COUNT(*) AS n FROM meeting_products WHERE deleted_at IS NOT NULL').get()).toEqual({ n: 1 })
  })

  it('refuses a meeting that ends before it starts and an unknown product, saving nothing', () => {
    const before = device.outbox.pendingCount()
    expect(meetingSaveSchema.safeParse(meeting({ endTime: '13:00' })).success).toBe(false)
    const raw = meetingSaveSchema.parse(meeting())
    expect(() => repo.save({ ...raw, endTime: '13:59' })).toThrow(MeetingRuleError)
    expect(() => save(meeting({ products: [{ productId: testId(0xdead), quantity: 1 }] }))).toThrow(MeetingRuleError)
    expect(device.outbox.pendingCount()).toBe(before)
    expect(countRows(device.sqlite, 'meetings')).toBe(0)
  })

  it('rolls the whole save back when one child row is refused (one writer transaction)', () => {
    const first = save(meeting())
    const other = save(meeting({ title: '다른 미팅', participants: [{ participantType: 'INTERNAL', userId: COLLEAGUE }] }))
    const before = device.outbox.pendingCount()
    // A participant id that belongs to another meeting: refused after the meeting row was already written.
    const stolen = { id: other.participants[0]!.id, participantType: 'INTERNAL' as const, userId: COLLEAGUE }
    expect(() => save(meeting({ id: first.id, title: '바뀐 제목', participants: [stolen] }))).toThrow(MeetingRuleError)
    expect(repo.get(first.id).title).toBe('한빛제약 리더십 제안 미팅')
    expect(repo.get(first.id).participants).toHaveLength(3)
    expect(device.outbox.pendingCount()).toBe(before)
  })

  it('gives a meeting’s minutes the same id on every device, and brings deleted minutes back instead of adding a row', () => {
    const { id } = save(meeting())
    repo.saveMinutes(minutesSaveSchema.parse({ meetingId: id, summary: '첫 요약' }))
    const rows = () => device.sqlite.prepare('SELECT id, summary, deleted_at FROM meeting_minutes').all()
    expect(rows()).toEqual([{ id: minutesId(id), summary: '첫 요약', deleted_at: null }])
    // Another device's minutes for the same meeting would carry the same id: the server merges them per field.
    expect(minutesId(id.toUpperCase())).toBe(minutesId(id))
    device.writer.remove('meeting_minutes', minutesId(id))
    const again = repo.saveMinutes(minutesSaveSchema.parse({ meetingId: id, summary: '다시 쓴 요약' }))
    expect(rows()).toEqual([{ id: minutesId(id), summary: '다시 쓴 요약', deleted_at: null }])
    expect(again.minutes?.summary).toBe('다시 쓴 요약')
  })

  it('saves minutes once per meeting and action items with completion time; cancelling keeps everything', () => {
    const { id } = save(meeting())
    repo.saveMinutes(
      minutesSaveSchema.parse({
        meetingId: id,
        summary: '리더십 과정 20명 규모 제안',
        keyPoints: ['예산 확보', ''],
        customerReaction: 'POSITIVE',
        competitorsMentioned: [{ name: '한국리더십센터', note: '단가 낮음' }],
      }),
    )
    const withMinutes = repo.saveMinutes(minutesSaveSchema.parse({ meetingId: id, summary: '수정된 요약', decisions: ['12월 1차 시범'] }))
    expect(countRows(device.sqlite, 'meeting_minutes')).toBe(1)
    expect(withMinutes.minutes).toMatchObject({ summary: '수정된 요약', keyPoints: [], decisions: ['12월 1차 시범'], customerReaction: null })
    expect(withMinutes.hasMinutes).toBe(true)

    const a = repo.saveActionItem(
      actionItemSaveSchema.parse({ meetingId: id, task: '견적서 송부', assigneeId: CONSULTANT.id, dueDate: '2026-11-30', priority: 'HIGH' }),
    )
    repo.saveActionItem(actionItemSaveSchema.parse({ meetingId: id, task: '강사 일정 확인', assigneeId: COLLEAGUE }))
    const item = a.actionItems[0]!
    expect(item).toMatchObject({ assigneeName: '이서연', status: 'PENDING', completedAt: null })
    device.setNow('2026-11-28T02:00:00.000Z')
    const done = repo.saveActionItem(
      actionItemSaveSchema.parse({ meetingId: id, id: item.id, task: item.task, assigneeId: CONSULTANT.id, status: 'COMPLETED' }),
    )
    expect(done.actionItems.find((x) => x.id === item.id)).toMatchObject({ status: 'COMPLETED', completedAt: '2026-11-28T02:00:00.000Z' })
    expect(done.openActionItems).toBe(1)

    const cancelled = repo.cancel(id)
    expect(cancelled.status).toBe('CANCELLED')
    expect(cancelled.actionItems).toHaveLength(2)
    expect(() => repo.saveMinutes(minutesSaveSchema.parse({ meetingId: id, summary: 'x' }))).toThrow(MeetingRuleError)
  })

  it('lists by date range, company and "mine", and puts meetings and training classes on one calendar', () => {
    save(meeting())
    save(meeting({ title: '가람전자 초기 미팅', type: 'INITIAL', companyId: OTHER_COMPANY, date: '2026-11-26', participants: [] }))
    device.signInAs({ id: COLLEAGUE, tier: 'OPERATOR' })
    save(
      meeting({
        title: '팀 주간 회의',
        target: 'INTERNAL',
        type: 'TEAM',
        companyId: null,
        date: '2026-12-02',
        locationType: 'ONLINE',
        locationAddress: null,
        onlineLink: 'https://meet.example.com/x',
        participants: [],
      }),
    )
    device.signInAs(CONSULTANT)

    expect(repo.list().map((m) => m.title)).toEqual(['팀 주간 회의', '한빛제약 리더십 제안 미팅', '가람전자 초기 미팅'])
    expect(repo.list({ from: '2026-11-23', to: '2026-11-30' })).toHaveLength(2)
    expect(repo.list({ companyId: OTHER_COMPANY }).map((m) => m.title)).toEqual(['가람전자 초기 미팅'])
    expect(repo.list({ mine: true }).map((m) => m.title)).toEqual(['한빛제약 리더십 제안 미팅', '가람전자 초기 미팅'])

    const week = repo.calendar({ from: '2026-11-23', to: '2026-11-30' })
    expect(week.map((e) => [e.kind, e.date, e.startTime])).toEqual([
      ['class', '2026-11-26', '09:00'],
      ['meeting', '2026-11-26', '14:00'],
      ['meeting', '2026-11-27', '14:00'],
    ])
    expect(week[0]).toMatchObject({ projectName: '리더십 과정', sessionNumber: 2, sessionName: '2차 집합', classNumber: 1, companyName: '(주)한빛제약' })
  })

  it("offers users, companies in 가나다 order, priced products and a company's contacts", () => {
    const options = repo.options()
    expect(options.users.map((u) => u.name)).toEqual(['박지훈', '이서연'])
    expect(options.companies.map((c) => c.name)).toEqual(['가람전자', '(주)한빛제약'])
    expect(options.products.find((p) => p.id === LEADERSHIP)?.listPrice).toBe(350_000)
    expect(repo.contacts(COMPANY)).toEqual([{ id: CONTACT, name: '최유진', position: '과장', department: '인사팀' }])
    expect(repo.contacts(OTHER_COMPANY)).toEqual([])
  })

  it('refuses writes when nobody is signed in', () => {
    const signedOut = createMeetingsRepo({ ...device, actor: () => null })
    expect(() => signedOut.save(meetingSaveSchema.parse(meeting()))).toThrow(MeetingRuleError)
  })
})
