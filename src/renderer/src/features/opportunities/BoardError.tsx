import { type JSX } from 'react'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useOpportunitiesStore } from './opportunities-store'

/** The board's last error, shown inside whichever dialog is open (the screen's own banner sits behind the backdrop). */
export function BoardError(): JSX.Element | null {
  const error = useOpportunitiesStore((s) => s.error)
  const errorDismissed = useOpportunitiesStore((s) => s.errorDismissed)
  return error ? <ErrorBanner error={error} onDismiss={errorDismissed} /> : null
}
