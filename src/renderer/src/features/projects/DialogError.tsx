import { type JSX } from 'react'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useProjectsStore } from './projects-store'

/** A refusal from main shown inside the open dialog (the screen's banner sits behind the modal backdrop). */
export function DialogError(): JSX.Element | null {
  const error = useProjectsStore((s) => s.error)
  const dismissed = useProjectsStore((s) => s.errorDismissed)
  return error ? <ErrorBanner error={error} onDismiss={dismissed} /> : null
}
