import { describe, expect, it } from 'vitest'
import { ipcErrorCodes, ipcError } from '../../../shared/ipc/errors'
import { resources } from './index'
import { en } from './locales/en'
import { ko } from './locales/ko'

function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, child]) => leafKeys(child, prefix ? `${prefix}.${key}` : key))
}

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), tree)
}

describe('translations', () => {
  it('have the same keys in Korean and English', () => {
    expect(leafKeys(en).sort()).toEqual(leafKeys(ko).sort())
  })

  it('translate every IPC error code in every language', () => {
    for (const [language, { translation }] of Object.entries(resources)) {
      for (const code of ipcErrorCodes) {
        const text = lookup(translation, ipcError(code).messageKey)
        expect(typeof text, `${language}: ${code}`).toBe('string')
      }
    }
  })

  it('label every menu item of the app shell in Korean', () => {
    expect(Object.values(ko.nav)).toEqual(expect.arrayContaining(['대시보드', '고객사', '리드', '영업기회', '프로젝트', '교육', '미팅', '상품', 'KPI', '관리']))
  })
})
