/**
 * Bytes of a CSV file to text. Korean Excel saves "CSV" in the system code page (CP949, a superset of EUC-KR), "CSV
 * UTF-8" with a BOM; other tools write UTF-8 without one. Strict UTF-8 first: CP949 bytes of Hangul are almost never
 * valid UTF-8, so a failed strict decode means CP949.
 */
export type TextEncodingName = 'utf-8' | 'euc-kr'

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = hasBom ? bytes.subarray(3) : bytes
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' }
  } catch {
    // WHATWG's 'euc-kr' decoder is CP949 (Unified Hangul Code), which is what Windows writes.
    return { text: new TextDecoder('euc-kr').decode(body), encoding: 'euc-kr' }
  }
}
