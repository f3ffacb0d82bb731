import { type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { useNoticeStore } from '../lib/notices'

/** The app-wide notices (lib/notices.ts): each stays until the user dismisses it. */
export function NoticeHost(): JSX.Element | null {
  const { t } = useTranslation()
  const notices = useNoticeStore((s) => s.notices)
  const dismissed = useNoticeStore((s) => s.dismissed)
  if (notices.length === 0) return null
  return (
    <div className="app-notices" role="region" aria-label={t('live.notices')}>
      {notices.map((notice) => (
        <div key={notice.id} className="app-notice" role="alert" data-testid="app-notice">
          <div>
            <strong>{notice.title}</strong>
            <p>{notice.body}</p>
          </div>
          <button type="button" className="button button--small" onClick={() => dismissed(notice.id)}>
            {t('live.dismiss')}
          </button>
        </div>
      ))}
    </div>
  )
}
