import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCrmApi } from '../../../../shared/ipc/api'
import { type IpcChannel } from '../../../../shared/ipc/channels'
import { ipcError, type IpcResult } from '../../../../shared/ipc/errors'
import { type BoardColumn, type OpportunityCard } from '../../../../shared/ipc/sales-types'
import { initialOpportunitiesState, useOpportunitiesStore } from './opportunities-store'

type Answer = (input: unknown) => IpcResult<unknown>
let answers: Partial<Record<IpcChannel, Answer>>
let calls: [IpcChannel, unknown][]

const card: OpportunityCard = {
  id: '0190a000-0000-7000-8000-000000000001',
  code: 'O-1',
  title: '신입사원 입문교육',
  companyId: '0190a000-0000-7000-8000-0000000000c1',
  companyName: '삼성전자',
  stage: 'PROPOSAL',
  probability: 50,
  amount: 30_000_000,
  expectedAmount: 15_000_000,
  expectedCloseDate: null,
  nextAction: null,
  nextActionDate: null,
  accountManagerName: '김민준',
  accountManagerId: '0190a000-0000-7000-8000-0000000000a1',
  teamId: null,
  teamName: null,
  actualCloseDate: null,
}
const board: BoardColumn[] = [{ stage: 'PROPOSAL', cards: [card], totalAmount: 30_000_000, totalExpected: 15_000_000 }]

beforeEach(() => {
  calls = []
  answers = { 'opportunities.board': () => ({ ok: true, value: board }) }
  const crm = createCrmApi(async (channel, input) => {
    calls.push([channel, input])
    return answers[channel]?.(input) ?? { ok: false, error: ipcError('ipc.unavailable') }
  })
  Object.assign(globalThis, { crm })
  useOpportunitiesStore.setState(initialOpportunitiesState)
})

afterEach(() => {
  delete (globalThis as { crm?: unknown }).crm
})

describe('opportunities store', () => {
  it('a drop on an open stage moves the card and reloads the board', async () => {
    await useOpportunitiesStore.getState().boardOpened()
    answers['opportunities.move'] = () => ({ ok: true, value: { ...card, stage: 'NEGOTIATION' } })
    await useOpportunitiesStore.getState().cardMoved(card.id, 'NEGOTIATION')
    expect(calls.map(([c]) => c)).toEqual(['opportunities.board', 'opportunities.move', 'opportunities.board'])
    expect(useOpportunitiesStore.getState().lastMove).toEqual({ id: card.id, title: '신입사원 입문교육', stage: 'NEGOTIATION' })
  })

  it('a drop on won or lost asks for the reason instead of moving', async () => {
    await useOpportunitiesStore.getState().boardOpened()
    await useOpportunitiesStore.getState().cardMoved(card.id, 'CLOSED_LOST')
    expect(calls.map(([c]) => c)).toEqual(['opportunities.board'])
    expect(useOpportunitiesStore.getState().closing).toEqual({ id: card.id, title: '신입사원 입문교육', outcome: 'LOST' })
    useOpportunitiesStore.getState().closeCancelled()
    expect(useOpportunitiesStore.getState().closing).toBeNull()
  })

  it('keeps a refused move as a typed error for the screen', async () => {
    await useOpportunitiesStore.getState().boardOpened()
    answers['opportunities.move'] = () => ({ ok: false, error: ipcError('sales.closed') })
    await useOpportunitiesStore.getState().cardMoved(card.id, 'QUALIFYING')
    expect(useOpportunitiesStore.getState().error).toEqual(ipcError('sales.closed'))
    expect(useOpportunitiesStore.getState().lastMove).toBeNull()
  })
})
