import { type JSX } from 'react'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useAdminStore } from './admin-store'

/** A refusal shown inside the open dialog (the screen's banner sits behind the backdrop); the input stays as typed. */
export function DialogError(): JSX.Element | null {
  const error = useAdminStore((s) => s.error)
  const errorDismissed = useAdminStore((s) => s.errorDismissed)
  return error ? <ErrorBanner error={error} onDismiss={errorDismissed} /> : null
}
