import { describe, expect, it } from 'vitest'
import { meetingSaveSchema } from '../../../../shared/model/validation/meetings'
import { wonText } from '../../components/WonInput'
import { draftLineAmounts, newMeetingDraft, saveInputOf, tabOfField } from './meeting-draft'

const id = (n: number): string => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`
const options = { users: [], companies: [], products: [{ id: id(9), code: 'P', name: '리더십', listPrice: 350_000 }] }

describe('meeting draft', () => {
  it('turns a filled draft into a save input the shared schema accepts', () => {
    const draft = {
      ...newMeetingDraft('2026-11-27', { id: id(1), name: '이서연' }),
      title: '제안 미팅',
      companyId: id(2),
      locationAddress: '서울',
      agenda: [{ key: 'a', topic: '니즈', duration: '30', presenter: '' }],
      products: [{ key: 'p', productId: id(9), quantity: '20', unitPrice: wonText(''), discount: '10' }],
    }
    const parsed = meetingSaveSchema.parse(saveInputOf(draft))
    expect(parsed.participants).toEqual([expect.objectContaining({ userId: id(1), role: 'ORGANIZER', attendance: 'CONFIRMED' })])
    expect(parsed.agenda[0]).toMatchObject({ topic: '니즈', duration: 30, presenter: null })
    expect(parsed.products[0]).toMatchObject({ quantity: 20, unitPrice: null, discountPercent: 10 })
  })

  it('makes unreadable numbers fail validation instead of guessing', () => {
    const draft = {
      ...newMeetingDraft('2026-11-27', null),
      title: '제안 미팅',
      target: 'INTERNAL' as const,
      locationType: '' as const,
      products: [{ key: 'p', productId: id(9), quantity: '스무', unitPrice: wonText('abc'), discount: '' }],
    }
    expect(meetingSaveSchema.safeParse(saveInputOf(draft)).success).toBe(false)
  })

  it('prices a line live with the list price standing in for an empty unit price', () => {
    const line = { key: 'p', productId: id(9), quantity: '20', unitPrice: wonText(''), discount: '10' }
    expect(draftLineAmounts(line, options)).toEqual({ gross: 7_000_000, discount: 700_000, total: 6_300_000 })
    expect(draftLineAmounts({ ...line, unitPrice: wonText('300,000') }, options)).toEqual({ gross: 6_000_000, discount: 600_000, total: 5_400_000 })
    expect(draftLineAmounts({ ...line, quantity: '0' }, options)).toBeNull()
    expect(draftLineAmounts({ ...line, productId: id(8) }, options)).toBeNull()
  })

  it('finds the tab holding an error', () => {
    expect(tabOfField('endTime')).toBe('overview')
    expect(tabOfField('products.1.quantity')).toBe('products')
    expect(tabOfField('participants.0')).toBe('participants')
  })
})
