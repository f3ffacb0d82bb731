/** "방금 전", "5분 전", "어제" … for the status bar; the exact time goes into the tooltip. */
import { formatKoreanDateTime } from '../../../../shared/domain/dates'

export function formatLastSynced(iso: string, now: number, language: string): { relative: string | null; exact: string } {
  const then = Date.parse(iso)
  const locale = language === 'ko' ? 'ko-KR' : 'en-US'
  const exact = language === 'ko' ? formatKoreanDateTime(iso) : new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(then)
  const seconds = Math.round((now - then) / 1000)
  if (seconds < 60) return { relative: null, exact }
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  if (seconds < 3600) return { relative: rtf.format(-Math.floor(seconds / 60), 'minute'), exact }
  if (seconds < 86_400) return { relative: rtf.format(-Math.floor(seconds / 3600), 'hour'), exact }
  return { relative: rtf.format(-Math.floor(seconds / 86_400), 'day'), exact }
}
