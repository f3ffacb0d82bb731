import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTempDir, testId, type TempDir } from '../../../../test/support/device/fixtures'
import { openRepoTestDevice, type RepoTestDevice } from '../../../../test/support/device/repos'
import { createContactDirectory } from './contact-directory'

const COMPANY = testId(0xc1)
const BRANCH = testId(0xb1)
const KIM = testId(0x11)
const LEE = testId(0x12)
const ORGANIZER = testId(0x99)

describe('contact directory: 최근 연락일 computed from activities and meetings (real SQLite)', () => {
  let dir: TempDir
  let device: RepoTestDevice

  beforeEach(() => {
    dir = createTempDir('crm-contacts-')
    device = openRepoTestDevice(dir.file('replica.sqlite'))
    const run = (sql: string, ...params: unknown[]): void => void device.sqlite.prepare(sql).run(...params)
    run(`INSERT INTO companies (id, code, name) VALUES (?, 'C-1', '한빛전자')`, COMPANY)
    run(`INSERT INTO branches (id, company_id, code, name) VALUES (?, ?, 'B-1', '본사')`, BRANCH, COMPANY)
    run(`INSERT INTO contacts (id, branch_id, last_name, first_name) VALUES (?, ?, '김', '민준'), (?, ?, '이', '서연')`, KIM, BRANCH, LEE, BRANCH)
    const meeting = (n: number, date: string, status: string, contactId: string): void => {
      run(
        `INSERT INTO meetings (id, code, title, target, type, date, start_time, end_time, organizer_id, status)
         VALUES (?, ?, '미팅', 'CUSTOMER', 'PROPOSAL', ?, '10:00', '11:00', ?, ?)`,
        testId(0x300 + n),
        `MT-${n}`,
        date,
        ORGANIZER,
        status,
      )
      run(
        `INSERT INTO meeting_participants (id, meeting_id, participant_type, contact_id) VALUES (?, ?, 'EXTERNAL', ?)`,
        testId(0x400 + n),
        testId(0x300 + n),
        contactId,
      )
    }
    // 김민준: a call at 23:30 UTC on 11-20 is 11-21 in Seoul; a meeting on 11-18; a cancelled one and a future one don't count.
    run(
      `INSERT INTO activities (id, entity_type, entity_id, activity_type, subject, start_time) VALUES (?, 'CONTACT', ?, 'CALL', '통화', '2026-11-20T23:30:00.000Z')`,
      testId(0x201),
      KIM,
    )
    meeting(1, '2026-11-18', 'COMPLETED', KIM)
    meeting(2, '2026-11-24', 'CANCELLED', KIM)
    meeting(3, '2026-12-30', 'SCHEDULED', KIM)
    // 이서연: only a meeting, and a deleted activity that must not count.
    meeting(4, '2026-11-10', 'COMPLETED', LEE)
    run(
      `INSERT INTO activities (id, entity_type, entity_id, activity_type, subject, start_time, deleted_at) VALUES (?, 'CONTACT', ?, 'CALL', '삭제됨', '2026-11-22T01:00:00.000Z', '2026-11-22T02:00:00.000Z')`,
      testId(0x202),
      LEE,
    )
  })
  afterEach(() => {
    device.close()
    dir.remove()
  })

  it('takes the latest Seoul day of a logged activity or a meeting taken part in, up to today', () => {
    const directory = createContactDirectory(device.sqlite, () => new Date('2026-11-25T03:00:00.000Z'))
    expect(directory.list().map((c) => [c.name, c.companyName, c.lastContactedOn])).toEqual([
      ['김민준', '한빛전자', '2026-11-21'],
      ['이서연', '한빛전자', '2026-11-10'],
    ])
  })

  it('lets a later meeting win once its day has come, and leaves a contact never contacted empty', () => {
    const later = createContactDirectory(device.sqlite, () => new Date('2026-12-30T01:00:00.000Z'))
    expect(later.list().find((c) => c.id === KIM)?.lastContactedOn).toBe('2026-12-30')
    device.sqlite.prepare(`UPDATE meeting_participants SET deleted_at = '2026-11-30T00:00:00.000Z' WHERE contact_id = ?`).run(LEE)
    expect(later.list().find((c) => c.id === LEE)?.lastContactedOn).toBeNull()
  })
})
