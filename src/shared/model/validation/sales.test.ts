import { describe, expect, it } from 'vitest'
import {
  leadAssignmentDecisionSchema,
  leadConversionSchema,
  leadCreateSchema,
  leadEditSchema,
  opportunityCloseSchema,
  opportunityCreateSchema,
  opportunityEditSchema,
  opportunityMoveSchema,
} from './sales'

const ID = '0190a000-0000-7000-8000-000000000001'

describe('lead schemas', () => {
  it('trims, turns empty fields into null, keeps phone digits only and defaults BANT to unmet', () => {
    const lead = leadCreateSchema.parse({ companyName: '  삼성전자 ', contactName: '', email: '', phone: '010-1234-5678' })
    expect(lead).toEqual({
      companyName: '삼성전자',
      contactName: null,
      email: null,
      phone: '01012345678',
      source: null,
      sourceDetail: null,
      notes: null,
      bant: { budget: false, authority: false, need: false, timeline: false },
    })
  })

  it('refuses a lead without a company name, a bad e-mail and unknown fields', () => {
    expect(leadCreateSchema.safeParse({ companyName: '   ' }).success).toBe(false)
    expect(leadCreateSchema.safeParse({ companyName: 'LG', email: 'not-mail' }).success).toBe(false)
    expect(leadCreateSchema.safeParse({ companyName: 'LG', score: 100 }).success).toBe(false)
  })

  it('never lets an edit set CONVERTED: conversion is its own action', () => {
    const bant = { budget: true, authority: false, need: true, timeline: false }
    expect(leadEditSchema.safeParse({ id: ID, companyName: 'LG', status: 'QUALIFIED', bant }).success).toBe(true)
    expect(leadEditSchema.safeParse({ id: ID, companyName: 'LG', status: 'CONVERTED', bant }).success).toBe(false)
  })

  it('needs a reason to reject an assignment request', () => {
    expect(leadAssignmentDecisionSchema.safeParse({ assignmentId: ID, approve: true }).success).toBe(true)
    expect(leadAssignmentDecisionSchema.safeParse({ assignmentId: ID, approve: false, rejectionReason: ' ' }).success).toBe(false)
    expect(leadAssignmentDecisionSchema.safeParse({ assignmentId: ID, approve: false, rejectionReason: '담당 지역 아님' }).success).toBe(true)
  })

  it('converts with a head office by default and an optional contact', () => {
    const parsed = leadConversionSchema.parse({ leadId: ID, companyName: '현대자동차', opportunityTitle: '리더십 과정', amount: 12_000_000 })
    expect(parsed).toMatchObject({ branchName: '본사', contact: null, amount: 12_000_000, expectedCloseDate: null })
    expect(leadConversionSchema.safeParse({ leadId: ID, companyName: 'X', opportunityTitle: 'Y', amount: 1.5 }).success).toBe(false)
  })
})

describe('opportunity schemas', () => {
  const base = { title: '신입사원 교육', companyId: ID }

  it('takes amounts in whole won, never negative or fractional', () => {
    expect(opportunityCreateSchema.parse({ ...base, amount: 30_000_000 })).toMatchObject({ amount: 30_000_000, stage: 'QUALIFYING' })
    expect(opportunityCreateSchema.safeParse({ ...base, amount: -1 }).success).toBe(false)
    expect(opportunityCreateSchema.safeParse({ ...base, amount: 100.5 }).success).toBe(false)
  })

  it('keeps probability within 0–100 and dates real', () => {
    expect(opportunityEditSchema.safeParse({ id: ID, title: 'T', probability: 101 }).success).toBe(false)
    expect(opportunityEditSchema.safeParse({ id: ID, title: 'T', probability: 40, expectedCloseDate: '2026-02-30' }).success).toBe(false)
    expect(opportunityEditSchema.parse({ id: ID, title: 'T', probability: 40, expectedCloseDate: '' })).toMatchObject({ expectedCloseDate: null })
  })

  it('closes only through won/lost with a reason, never by a plain move', () => {
    expect(opportunityMoveSchema.safeParse({ id: ID, stage: 'CLOSED_WON' }).success).toBe(false)
    expect(opportunityCloseSchema.safeParse({ id: ID, outcome: 'WON', reason: '' }).success).toBe(false)
    expect(opportunityCloseSchema.safeParse({ id: ID, outcome: 'LOST', reason: '가격 경쟁력 부족', closeDate: '2026-11-25' }).success).toBe(true)
  })
})
