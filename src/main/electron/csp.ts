/**
 * The renderer's Content-Security-Policy. The same string is in src/renderer/index.html (a meta tag, whatever serves the
 * page), sent as a header by the app:// handler (app-protocol.ts), the dev server hook and the web harness; a test keeps
 * them identical.
 *
 * No 'unsafe-inline' anywhere: the build emits scripts and CSS as files, and React sets inline styles through the CSSOM,
 * which CSP does not restrict.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')
