/**
 * "Something was written to the local replica": a window event any screen can announce after a write, so the sync
 * status bar re-reads its counts (pending changes) at once instead of at its next poll. Features stay independent:
 * neither side imports the other.
 */
const EVENT = 'crm:local-change'

export function announceLocalChange(): void {
  // Stores also run in unit tests under Node, where there is no window to tell.
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(EVENT))
}

export function onLocalChange(listener: () => void): () => void {
  window.addEventListener(EVENT, listener)
  return () => window.removeEventListener(EVENT, listener)
}
