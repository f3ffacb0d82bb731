/**
 * i18next setup: Korean by default, English available. The chosen language is remembered in localStorage (a UI
 * preference of this PC, not synced data).
 */
import i18next, { type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './locales/en'
import { ko } from './locales/ko'

export const languages = ['ko', 'en'] as const
export type Language = (typeof languages)[number]

export const resources = { ko: { translation: ko }, en: { translation: en } } as const

const STORAGE_KEY = 'crm.language'

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value)
}

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY)
    return isLanguage(value) ? value : 'ko'
  } catch {
    return 'ko'
  }
}

export const i18n: I18n = i18next.createInstance()

export function initI18n(language: Language = storedLanguage()): I18n {
  void i18n.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'ko',
    supportedLngs: languages,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  syncDocumentLanguage(language)
  return i18n
}

function syncDocumentLanguage(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language
}

export async function switchLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language)
  syncDocumentLanguage(language)
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language)
  } catch {
    // Private mode or a full disk: the switch still applies to this session.
  }
}

/**
 * Looks up a key built at run time (a synced table's or field's name). Typed as a plain string on purpose: checking
 * i18next's union of every key at such call sites exceeds the compiler's instantiation depth (TS2589) once the
 * catalogue is large. Answers the key itself when it is unknown, like `t`.
 */
export function translateKey(key: string): string {
  return (i18n.t as unknown as (key: string) => string)(key)
}
