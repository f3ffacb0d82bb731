/**
 * The declared type of a file checked against its content's signature (magic bytes), and which files may be opened
 * directly with the OS's default application. A PDF must start like a PDF; a program is never opened, whatever it is
 * called or declared as: the app saves it to disk instead.
 */
import { extensionOf } from './file-name'

/** What the first bytes say a file is. */
export type SniffedKind = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'zip' | 'ole' | 'executable' | 'text' | 'binary'

const startsWith = (head: Uint8Array, bytes: readonly number[], offset = 0): boolean =>
  head.length >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b)
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0))

export function sniff(head: Uint8Array): SniffedKind {
  if (startsWith(head, ascii('%PDF-'))) return 'pdf'
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'gif'
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'webp'
  // Office Open XML (docx, xlsx, pptx), HWPX and ZIP archives.
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip'
  // Compound File Binary: legacy doc/xls/ppt and HWP 5.
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole'
  // Windows PE, ELF, Mach-O (32/64, both byte orders, fat), and scripts with a shebang.
  if (
    startsWith(head, ascii('MZ')) ||
    startsWith(head, [0x7f, 0x45, 0x4c, 0x46]) ||
    startsWith(head, [0xfe, 0xed, 0xfa, 0xce]) ||
    startsWith(head, [0xfe, 0xed, 0xfa, 0xcf]) ||
    startsWith(head, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(head, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(head, [0xca, 0xfe, 0xba, 0xbe]) ||
    startsWith(head, ascii('#!'))
  ) {
    return 'executable'
  }
  // No NUL byte in the head: text (UTF-8 / UTF-16 with BOM are both fine for csv and txt).
  if (head.length === 0 || !head.includes(0) || startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return 'text'
  return 'binary'
}

/** Declared MIME type → the signatures its content may have. Types not listed are stored as generic binary. */
const EXPECTED: Readonly<Record<string, readonly SniffedKind[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/zip': ['zip'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['zip'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['zip'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['zip'],
  'application/hwp+zip': ['zip'],
  'application/msword': ['ole'],
  'application/vnd.ms-excel': ['ole'],
  'application/vnd.ms-powerpoint': ['ole'],
  'application/x-hwp': ['ole'],
  'application/haansofthwp': ['ole'],
  'text/plain': ['text'],
  'text/csv': ['text'],
}

export const GENERIC_TYPE = 'application/octet-stream'

/** The type a file is stored under: the declared one, lower-cased without parameters; unknown types are generic. */
export function normalizeMimeType(declared: string | null | undefined): string {
  const type = (declared ?? '').split(';')[0]!.trim().toLowerCase()
  return type in EXPECTED ? type : GENERIC_TYPE
}

/**
 * Does the content's head fit the declared type? A known type must have its signature; the generic type takes
 * anything but a document or image signature is not required. A text type must not be a program.
 */
export function signatureMatches(declared: string, head: Uint8Array): boolean {
  const type = normalizeMimeType(declared)
  if (type === GENERIC_TYPE) return true
  return EXPECTED[type]!.includes(sniff(head))
}

/** Extensions the OS would run rather than show, on any of Windows, macOS and Linux. */
const EXECUTABLE_EXTENSIONS = new Set([
  'exe',
  'com',
  'bat',
  'cmd',
  'msi',
  'msp',
  'scr',
  'pif',
  'cpl',
  'dll',
  'sys',
  'ps1',
  'psm1',
  'vbs',
  'vbe',
  'js',
  'jse',
  'wsf',
  'wsh',
  'hta',
  'lnk',
  'reg',
  'jar',
  'sh',
  'bash',
  'zsh',
  'command',
  'app',
  'pkg',
  'dmg',
  'run',
  'bin',
  'appimage',
  'deb',
  'rpm',
  'py',
  'pl',
  'rb',
  'url',
  'desktop',
  'scf',
  'inf',
  'iso',
  'img',
  'vhd',
  'application',
  'gadget',
])

/**
 * May the app hand this file to the OS's default application? Only when neither its name nor its content is a program
 * and its content is a known document, image or text kind; everything else is saved to disk for the user to decide.
 */
export function mayOpenDirectly(name: string, head: Uint8Array): boolean {
  if (EXECUTABLE_EXTENSIONS.has(extensionOf(name))) return false
  const kind = sniff(head)
  return kind !== 'executable' && kind !== 'binary'
}
