import { describe, expect, it } from 'vitest'
import {
  challengeRanges,
  CHALLENGE_RANGE_BYTES,
  CHALLENGE_RANGES,
  chunkCount,
  chunkLength,
  FILE_CHUNK_BYTES,
  MAX_PREFETCH_BUDGET_BYTES,
  prefetchBudgetFromMegabytes,
} from './limits'
import { sanitizeFileName } from './file-name'
import { mayOpenDirectly, normalizeMimeType, signatureMatches, sniff } from './signature'

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('sanitizeFileName', () => {
  it.each([
    ['제안서 v2.pdf', '제안서 v2.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\kim\\견적서.xlsx', '견적서.xlsx'],
    ['a<b>c:d"e|f?g*.txt', 'a_b_c_d_e_f_g_.txt'],
    ['CON.txt', '_CON.txt'],
    ['lpt1', '_lpt1'],
    ['report.pdf. . ', 'report.pdf'],
    ['.bashrc', 'bashrc'],
    ['', 'file'],
    ['cod\u202Efdp.exe', 'codfdp.exe'],
    ['tab\there\nnew.txt', 'tab_here_new.txt'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected)
  })

  it('keeps the extension when cutting a long Korean name to 200 UTF-8 bytes', () => {
    const name = sanitizeFileName(`${'가'.repeat(150)}.pdf`)
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(200)
    expect(name.endsWith('.pdf')).toBe(true)
  })

  it('decomposed Hangul (macOS) becomes composed', () => {
    expect(sanitizeFileName('회의록.pdf'.normalize('NFD'))).toBe('회의록.pdf')
  })
})

describe('signatures', () => {
  it('recognises documents, images and programs', () => {
    expect(sniff(bytes('%PDF-1.7\n'))).toBe('pdf')
    expect(sniff(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png')
    expect(sniff(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('zip')
    expect(sniff(bytes('MZ\u0090\u0000'))).toBe('executable')
    expect(sniff(bytes('#!/bin/sh\nrm -rf /'))).toBe('executable')
    expect(sniff(bytes('이름,전화\n홍길동,010'))).toBe('text')
  })

  it('a declared PDF must be a PDF; a program declared as text is refused', () => {
    expect(signatureMatches('application/pdf', bytes('%PDF-1.4'))).toBe(true)
    expect(signatureMatches('application/pdf', bytes('MZ\u0000\u0000'))).toBe(false)
    expect(signatureMatches('text/plain', bytes('MZ\u0000\u0000'))).toBe(false)
    expect(signatureMatches('application/x-unknown', bytes('MZ\u0000'))).toBe(true)
    expect(normalizeMimeType('Application/PDF; charset=binary')).toBe('application/pdf')
  })

  it('never opens a program directly, whatever its name or declared type', () => {
    expect(mayOpenDirectly('제안서.pdf', bytes('%PDF-1.4'))).toBe(true)
    expect(mayOpenDirectly('제안서.pdf', bytes('MZ\u0000\u0000'))).toBe(false)
    expect(mayOpenDirectly('setup.exe', bytes('%PDF-1.4'))).toBe(false)
    expect(mayOpenDirectly('run.sh', bytes('echo hi'))).toBe(false)
  })
})

describe('chunks', () => {
  it('cuts a file into 1 MiB chunks with the remainder last', () => {
    expect(chunkCount(0)).toBe(1)
    expect(chunkCount(FILE_CHUNK_BYTES)).toBe(1)
    expect(chunkCount(FILE_CHUNK_BYTES + 1)).toBe(2)
    expect(chunkLength(FILE_CHUNK_BYTES + 1, 1)).toBe(1)
    expect(chunkLength(FILE_CHUNK_BYTES + 1, 2)).toBe(-1)
  })
})

describe('prefetchBudgetFromMegabytes', () => {
  it('takes whole megabytes from 0 to the maximum, separators allowed', () => {
    expect(prefetchBudgetFromMegabytes('0')).toBe(0)
    expect(prefetchBudgetFromMegabytes(' 500 ')).toBe(500 * 1024 * 1024)
    expect(prefetchBudgetFromMegabytes('1,024')).toBe(1024 ** 3)
    expect(prefetchBudgetFromMegabytes(String(MAX_PREFETCH_BUDGET_BYTES / 1024 ** 2))).toBe(MAX_PREFETCH_BUDGET_BYTES)
  })
  it.each(['', '-5', '1.5', 'abc', '1e3', String(MAX_PREFETCH_BUDGET_BYTES / 1024 ** 2 + 1), '99999999999'])('refuses %j', (text) => {
    expect(prefetchBudgetFromMegabytes(text)).toBeNull()
  })
})

describe('challengeRanges', () => {
  it('asks for the whole of a small file, and for ranges inside a large one', () => {
    expect(challengeRanges(0, () => 0)).toEqual([])
    expect(challengeRanges(1000, () => 0)).toEqual([{ offset: 0, length: 1000 }])
    const size = 5 * FILE_CHUNK_BYTES
    const ranges = challengeRanges(size, (max) => max - 1)
    expect(ranges).toHaveLength(CHALLENGE_RANGES)
    for (const range of ranges) expect(range.offset + range.length).toBeLessThanOrEqual(size)
    expect(ranges[0]).toEqual({ offset: size - CHALLENGE_RANGE_BYTES, length: CHALLENGE_RANGE_BYTES })
  })
})
