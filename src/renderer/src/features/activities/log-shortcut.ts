/**
 * When L opens the activity log: a plain L (by key position, `code`, so the Korean IME's ㅣ counts too) when not typing
 * in a field, or Alt+L from anywhere (a field included); never behind a dialog the log form is not part of (a modal on
 * top owns the keyboard).
 */
export function isLogShortcut(
  event: Pick<KeyboardEvent, 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'isComposing' | 'target' | 'defaultPrevented'>,
  summary: HTMLElement,
): boolean {
  if (event.code !== 'KeyL' || event.ctrlKey || event.metaKey || event.shiftKey || event.defaultPrevented) return false
  const target = event.target instanceof HTMLElement ? event.target : null
  const typing = target !== null && (target.isContentEditable || target.closest('input, textarea, select') !== null)
  if (!event.altKey && (typing || event.isComposing)) return false
  const dialogs = summary.ownerDocument.querySelectorAll('[role="dialog"][aria-modal="true"]')
  const top = dialogs[dialogs.length - 1]
  return !top || top.contains(summary)
}
