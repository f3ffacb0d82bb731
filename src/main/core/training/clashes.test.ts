/**
 * Server-recorded instructor clashes on the device (real SQLite): a pulled `instructor_clashes` row shows on the
 * project page's detail and the coordinator's home from the reader's side, the other project named only when the
 * device holds it, with when the server last checked; a class changed since the last sync is "not yet checked"; a
 * resolved (soft-deleted) row is gone; a pair the device also finds itself is listed once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { instructorClashId } from '../../../shared/domain/instructor-clash'
import { classCreateSchema, instructorSaveSchema, sessionCreateSchema } from '../../../shared/model/validation/training'
import { createTempDir, testId, type TempDir } from '../../../../test/support/device/fixtures'
import { openRepoTestDevice, type RepoTestDevice } from '../../../../test/support/device/repos'
import { createTraining, type TrainingRepos } from './index'

const COORDINATOR = { id: testId(0xa1), tier: 'OPERATOR' } as const
const COLLEAGUE = testId(0xa3)
const COMPANY = testId(0xc0)
const WON = testId(0x0e)
const ELSEWHERE = { projectId: testId(0xe1), classId: testId(0xe2) }
const NOW = '2026-12-07T01:00:00.000Z'

describe('server-recorded instructor clashes (real SQLite)', () => {
  let dir: TempDir
  let device: RepoTestDevice
  let repos: TrainingRepos
  let park: string

  beforeEach(() => {
    dir = createTempDir()
    device = openRepoTestDevice(dir.file('clashes.sqlite'), NOW)
    device.addUser({ id: COORDINATOR.id, lastName: '이', firstName: '서연' })
    device.addUser({ id: COLLEAGUE, lastName: '김', firstName: '하늘' })
    device.signInAs(COORDINATOR)
    repos = createTraining({ ...device, deviceId: () => '0190a000-0000-7000-8000-00000000d001' })
    device.writer.upsert('companies', COMPANY, { code: 'C-1', name: '아우구전자', status: 'ACTIVE', tier: 'GOLD', account_manager_id: COORDINATOR.id })
    device.writer.upsert('opportunities', WON, {
      code: 'O-1',
      title: '2027 신임 팀장 리더십',
      company_id: COMPANY,
      stage: 'CLOSED_WON',
      probability: 100,
      amount: 48_000_000,
      account_manager_id: COORDINATOR.id,
    })
    park = repos.instructors.save(instructorSaveSchema.parse({ lastName: '박', firstName: '서준', email: 'park@augu.kr' })).find((i) => i.name === '박서준')!.id
  })
  afterEach(() => {
    device.close()
    dir.remove()
  })

  const myClass = (startTime: string, endTime: string) => {
    const p = repos.projectRecords.fromOpportunity(WON)
    const sessionId = repos.projects.createSession(sessionCreateSchema.parse({ projectId: p.id, startDate: '2026-12-07', endDate: '2026-12-31' })).sessions[0]!
      .id
    const r = repos.projects.createClass(
      classCreateSchema.parse({ sessionId, date: '2026-12-10', startTime, endTime, instructorId: park, allowDoubleBooking: true }),
    )
    if (r.status !== 'created') throw new Error('not created')
    return { projectId: p.id, classId: r.classId }
  }

  /** What a pull of the server's row writes into the replica (the server is its only author). */
  const pulledClash = (mine: { projectId: string; classId: string }, other: { projectId: string; classId: string }, extra: Record<string, unknown> = {}) => {
    const [a, b] = mine.classId < other.classId ? [mine, other] : [other, mine]
    const row: Record<string, unknown> = {
      id: instructorClashId(a.classId, b.classId),
      instructor_id: park,
      date: '2026-12-10',
      overlap_start: '10:00',
      overlap_end: '12:00',
      class_a_id: a.classId,
      project_a_id: a.projectId,
      session_a_number: 1,
      class_a_number: a === mine ? 1 : 2,
      start_a: a === mine ? '09:00' : '10:00',
      end_a: a === mine ? '12:00' : '13:00',
      coordinator_a_id: a === mine ? COORDINATOR.id : COLLEAGUE,
      class_b_id: b.classId,
      project_b_id: b.projectId,
      session_b_number: 1,
      class_b_number: b === mine ? 1 : 2,
      start_b: b === mine ? '09:00' : '10:00',
      end_b: b === mine ? '12:00' : '13:00',
      coordinator_b_id: b === mine ? COORDINATOR.id : COLLEAGUE,
      detected_at: '2026-12-07T00:30:00.000Z',
      checked_at: '2026-12-07T00:30:00.000Z',
      ...extra,
    }
    const names = Object.keys(row)
    device.sqlite.prepare(`INSERT INTO instructor_clashes (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(row)
    return row.id as string
  }

  it('shows a clash with a project this device does not hold, from the reader’s side, and when the server checked', () => {
    const mine = myClass('09:00', '12:00')
    const id = pulledClash(mine, ELSEWHERE)

    // Never synced, and the class still waits in the outbox: not checked by the server.
    let report = repos.projects.get(mine.projectId).serverClashes
    expect(report.lastCheckedAt).toBeNull()
    expect(report.uncheckedClassIds).toEqual([mine.classId])
    expect(report.clashes).toEqual([
      {
        id,
        instructorName: '박서준',
        date: '2026-12-10',
        overlapStart: '10:00',
        overlapEnd: '12:00',
        mine: expect.objectContaining({ classId: mine.classId, projectName: '2027 신임 팀장 리더십', startTime: '09:00', coordinatorName: '이서연' }),
        other: {
          classId: ELSEWHERE.classId,
          projectId: ELSEWHERE.projectId,
          projectName: null,
          sessionNumber: 1,
          classNumber: 2,
          startTime: '10:00',
          endTime: '13:00',
          coordinatorName: '김하늘',
        },
        detectedAt: '2026-12-07T00:30:00.000Z',
      },
    ])

    // After a sync (outbox sent, last_sync_at stored) the class counts as checked at the sync's time.
    device.sqlite.prepare(`DELETE FROM outbox`).run()
    device.state.set('last_sync_at', '2026-12-07T00:45:00.000Z')
    report = repos.projects.get(mine.projectId).serverClashes
    expect(report.uncheckedClassIds).toEqual([])
    expect(report.lastCheckedAt).toBe('2026-12-07T00:45:00.000Z')
    // A row pulled in a sync still running carries the server's later check time.
    device.sqlite.prepare(`UPDATE instructor_clashes SET checked_at = '2026-12-07T00:50:00.000Z'`).run()
    expect(repos.projects.get(mine.projectId).serverClashes.lastCheckedAt).toBe('2026-12-07T00:50:00.000Z')

    // Resolved on the server (soft-deleted): gone.
    device.sqlite.prepare(`UPDATE instructor_clashes SET deleted_at = '2026-12-07T00:55:00.000Z'`).run()
    expect(repos.projects.get(mine.projectId).serverClashes.clashes).toEqual([])
  })

  it('lists a clash once on the coordinator home when the device finds it too', () => {
    const first = myClass('09:00', '12:00')
    const second = myClass('10:00', '13:00')
    const home = () => {
      const h = repos.coordinatorHome.home()
      if (h.kind !== 'coordinator') throw new Error('expected the coordinator home')
      return h
    }
    expect(home().clashes).toHaveLength(1)
    expect(home().serverClashes.clashes).toEqual([])

    pulledClash(first, second)
    pulledClash(first, ELSEWHERE)
    const h = home()
    expect(h.clashes).toEqual([])
    expect(h.serverClashes.clashes.map((c) => c.other.classId).sort()).toEqual([second.classId, ELSEWHERE.classId].sort())
    // Both of the first pair are mine: both named.
    expect(h.serverClashes.clashes.find((c) => c.other.classId === second.classId)!.other.projectName).toBe('2027 신임 팀장 리더십')
  })
})
