/**
 * The renderer's way to show a date or a time: the shared formatters (src/shared/domain/dates.ts) in the language the
 * user chose, so English mode never shows 2026년 3월 1일 일요일 or 오후 2:05. Stored values stay ISO.
 */
import { formatDateLong, formatDateShort, formatDateTime, formatMonthDay, formatTimeOfDay, type DateLanguage } from '../../../shared/domain/dates'
import { i18n } from '../i18n'

function language(): DateLanguage {
  return i18n.language === 'en' ? 'en' : 'ko'
}

/** 2026년 3월 1일 일요일 / Sun, Mar 1, 2026 */
export const dateLong = (date: string): string => formatDateLong(date, language())
/** 2026. 3. 1. / Mar 1, 2026 */
export const dateShort = (date: string): string => formatDateShort(date, language())
/** 3월 1일 (일) / Sun, Mar 1 */
export const monthDay = (date: string): string => formatMonthDay(date, language())
/** 오후 2:05 / 2:05 PM */
export const timeOfDay = (time: string): string => formatTimeOfDay(time, language())
/** 2026. 3. 1. 오후 2:05 / Mar 1, 2026 2:05 PM */
export const dateTime = (timestamp: string): string => formatDateTime(timestamp, language())
