/**
 * Which links may leave the app. `shell.openExternal` with an unchecked URL can start arbitrary programs (file:, smb:,
 * custom protocol handlers), so only these pass: http(s) URLs with a host and no credentials (web sites, online-meeting
 * links), `mailto:` one or more addresses, and `tel:` a phone number. The renderer has already shown the address to the
 * user and asked (features/links); this is main's own check of what it is asked to open.
 */
const MAIL_ADDRESS = /^[^\s@,;:<>()[\]\\"]+@[^\s@,;:<>()[\]\\"]+\.[^\s@,;:<>()[\]\\"]+$/
const PHONE = /^\+?[0-9][0-9\-. ()]{2,30}$/

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

export function parseSafeExternalUrl(value: string): URL | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  if (url.protocol === 'https:' || url.protocol === 'http:') {
    if (!url.hostname || url.username || url.password) return null
    return url
  }
  if (url.protocol === 'mailto:') {
    // Addresses only: no ?body=/&attach= tricks handed to the mail program.
    if (url.search || url.hash) return null
    const addresses = decoded(url.pathname)?.split(',') ?? []
    return addresses.length > 0 && addresses.every((address) => MAIL_ADDRESS.test(address.trim())) ? url : null
  }
  if (url.protocol === 'tel:') {
    if (url.search || url.hash) return null
    return PHONE.test(decoded(url.pathname) ?? '') ? url : null
  }
  return null
}
