import { describe, expect, it } from 'vitest'
import { WriteForbiddenError } from '../core/outbox/write-permission'
import { commonRefusals, failureCodeOf as codeOf } from './refusals'
import { kpiCall } from './kpi'
import { meetingsCall } from './meetings'
import { productsCall } from './products'
import { trainingCall } from './training'

const refused = (): never => {
  throw new WriteForbiddenError('products', 'update')
}

describe("the writer's permission refusal over IPC", () => {
  it("answers with the domain's own not-permitted code, as its repository did when it checked itself", () => {
    expect(codeOf(() => productsCall(refused))).toBe('products.notPermitted')
    expect(codeOf(() => kpiCall(refused))).toBe('kpi.notPermitted')
    expect(codeOf(() => trainingCall(refused))).toBe('training.notPermitted')
  })

  it('answers record.notPermitted for domains without a code of their own', () => {
    expect(codeOf(() => commonRefusals(refused))).toBe('record.notPermitted')
    expect(codeOf(() => meetingsCall(refused))).toBe('record.notPermitted')
  })
})
