/**
 * Which links may leave the app for the user's browser. `shell.openExternal` with an unchecked URL can start arbitrary
 * programs (file:, smb:, custom protocol handlers), so only plain http(s) URLs with a host and no credentials pass.
 */
export function parseSafeExternalUrl(value: string): URL | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  if (!url.hostname || url.username || url.password) return null
  return url
}
