/**
 * One file-name rule for every OS the app runs on (Windows, macOS, Linux): what a user named a file becomes a name
 * that can be written to disk anywhere and shown safely. The server stores the sanitised name; devices sanitise again
 * before writing (a row could come from an old client or a script).
 */

/** Characters Windows forbids, the path separators of every OS, and control characters. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g
/** Bidirectional overrides make `cod.exe` display as `exe.doc`: never keep them. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i
const MAX_NAME_BYTES = 200

const utf8Length = (text: string): number => new TextEncoder().encode(text).length

/** Cuts `text` to at most `bytes` UTF-8 bytes without splitting a character. */
function cutToBytes(text: string, bytes: number): string {
  let out = ''
  for (const char of text) {
    if (utf8Length(out + char) > bytes) break
    out += char
  }
  return out
}

export function sanitizeFileName(input: string): string {
  // Only the last path component: a name is never a path.
  const base = input.normalize('NFC').split(/[\\/]/).pop() ?? ''
  let name = base.replace(BIDI, '').replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim()
  // Windows drops trailing dots and spaces; a leading dot hides the file on macOS and Linux.
  name = name.replace(/[. ]+$/, '').replace(/^\.+/, '')
  if (name === '' || name === '_') name = 'file'
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`
  if (utf8Length(name) > MAX_NAME_BYTES) {
    const dot = name.lastIndexOf('.')
    const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : ''
    name = cutToBytes(name.slice(0, name.length - extension.length), MAX_NAME_BYTES - utf8Length(extension)).trimEnd() + extension
  }
  return name
}

/** The lower-case extension without the dot ('' when there is none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}
