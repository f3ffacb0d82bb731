import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCrmApi } from '../../../../shared/ipc/api'
import { type IpcChannel } from '../../../../shared/ipc/channels'
import { ipcError, type IpcResult } from '../../../../shared/ipc/errors'
import { type ClassRoster, type RosterEntry } from '../../../../shared/ipc/training-types'
import { initialRosterState, useRosterStore } from './roster-store'

type Answer = (input: unknown) => IpcResult<unknown> | Promise<IpcResult<unknown>>
let answers: Partial<Record<IpcChannel, Answer>>
let calls: [IpcChannel, unknown][]

const CLASS = '0190a000-0000-7000-8000-0000000c1a55'
const entry = (n: number): RosterEntry => ({
  traineeId: `0190a000-0000-7000-8000-00000000700${n}`,
  enrollmentId: `0190a000-0000-7000-8000-00000000800${n}`,
  enrollmentStatus: 'CONFIRMED',
  name: `김수강${n}`,
  department: null,
  position: null,
  employeeNumber: null,
  attendance: null,
  remarks: null,
  recordedByName: null,
  recordedAt: null,
  completionPercent: null,
  completed: false,
  walkIn: false,
})
const roster = (rate: number | null = null): ClassRoster => ({
  classId: CLASS,
  projectId: '0190a000-0000-7000-8000-000000000090',
  projectName: '리더십 과정',
  companyName: null,
  sessionNumber: 1,
  classNumber: 1,
  className: null,
  date: '2026-11-25',
  startTime: '09:00',
  endTime: '12:00',
  room: null,
  instructorName: null,
  entries: [entry(1), entry(2), entry(3)],
  counts: { enrolled: 3, attended: 0, present: 0, late: 0, leftEarly: 0, absent: 0, excused: 0, unmarked: 3, rate },
  completionPercent: 80,
})

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5))
const state = () => useRosterStore.getState()

beforeEach(async () => {
  calls = []
  answers = { 'classes.roster': () => ({ ok: true, value: roster() }) }
  const crm = createCrmApi(async (channel, input) => {
    calls.push([channel, input])
    return (await answers[channel]?.(input)) ?? { ok: false, error: ipcError('ipc.unavailable') }
  })
  Object.assign(globalThis, { crm })
  useRosterStore.setState(initialRosterState)
  await state().opened(CLASS)
})

afterEach(() => {
  delete (globalThis as { crm?: unknown }).crm
})

describe('roster store', () => {
  it('shows a mark at once, moves on, and writes marks in the order typed; only the last answer replaces the roster', async () => {
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    let answered = 0
    answers['attendance.mark'] = async () => {
      answered += 1
      if (answered === 1) await gate // the first write is slow
      return { ok: true, value: roster(answered * 10) }
    }
    state().marked('LATE')
    state().marked('ABSENT')
    // Optimistic: both marks and the counts before any answer.
    expect(state().roster?.entries.map((e) => e.attendance)).toEqual(['LATE', 'ABSENT', null])
    expect(state().roster?.counts).toMatchObject({ attended: 1, absent: 1, unmarked: 1 })
    expect(state().cursor).toBe(2)
    await settle()
    // The second write waits for the first: the replica sees them in typing order.
    expect(calls.filter(([c]) => c === 'attendance.mark')).toHaveLength(1)
    release()
    await settle()
    const marks = calls.filter(([c]) => c === 'attendance.mark').map(([, input]) => (input as { status: string }).status)
    expect(marks).toEqual(['LATE', 'ABSENT'])
    expect(state().roster?.counts.rate).toBe(20)
  })

  it('marks the rest present in one call, and opens remarks only on a marked row', async () => {
    answers['attendance.markRestPresent'] = () => ({ ok: true, value: roster(100) })
    state().remarksOpened()
    expect(state().editingRemarks).toBe(false)
    state().restPresent()
    expect(state().roster?.entries.every((e) => e.attendance === 'PRESENT')).toBe(true)
    state().remarksOpened()
    expect(state().editingRemarks).toBe(true)
    await settle()
    expect(calls.filter(([c]) => c === 'attendance.markRestPresent')).toHaveLength(1)
  })

  it('after a refused write shows the error and what is really stored', async () => {
    answers['attendance.mark'] = () => ({ ok: false, error: ipcError('record.signInRequired') })
    state().marked('PRESENT')
    expect(state().roster?.entries[0]?.attendance).toBe('PRESENT')
    await settle()
    expect(state().error?.code).toBe('record.signInRequired')
    expect(state().roster?.entries[0]?.attendance).toBeNull()
  })
})
