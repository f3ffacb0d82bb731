/**
 * What a stored value links to: a web address (a bare "www.hanbit.co.kr" becomes https://), an e-mail address
 * (mailto:) or a phone number (tel:, digits only). Null when it is none of them — then it is shown as plain text.
 * Main checks the final address again before opening it (src/main/handlers/external-url.ts).
 */
export type LinkKind = 'web' | 'mail' | 'phone'

const MAIL = /^[^\s@,;:<>()[\]\\"]+@[^\s@,;:<>()[\]\\"]+\.[^\s@,;:<>()[\]\\"]+$/
const PHONE = /^\+?[0-9][0-9\-. ()]{5,30}$/

export function externalHref(value: string): string | null {
  const text = value.trim()
  if (!text) return null
  if (/^(mailto|tel):/i.test(text)) return text
  if (MAIL.test(text)) return `mailto:${text}`
  if (PHONE.test(text)) return `tel:${text.replace(/[^0-9+]/g, '')}`
  const candidate = /^https?:\/\//i.test(text) ? text : /^[\w-]+(\.[\w-]+)+(\/.*)?$/.test(text) ? `https://${text}` : null
  if (!candidate) return null
  try {
    const url = new URL(candidate)
    return url.hostname && !url.username && !url.password ? url.toString() : null
  } catch {
    return null
  }
}

export function linkKind(href: string): LinkKind {
  if (href.startsWith('mailto:')) return 'mail'
  if (href.startsWith('tel:')) return 'phone'
  return 'web'
}
