import { type Logger } from './handlers/context'

/** Main-process log lines on stdout/stderr. Details stay in main: nothing here is ever sent to the renderer. */
export function consoleLogger(scope: string): Logger {
  const line = (message: string, details?: Record<string, unknown>): string =>
    details ? `[${scope}] ${message} ${JSON.stringify(details)}` : `[${scope}] ${message}`
  return {
    info: (message, details) => console.info(line(message, details)),
    warn: (message, details) => console.warn(line(message, details)),
    error: (message, details) => console.error(line(message, details)),
  }
}
