/**
 * Size and depth limits of one mutation's values (docs/sync-protocol.md § Limits), checked before anything else looks
 * at the values: schema validation recurses into JSON (2,000+ levels overflow the stack) and a huge string would be
 * stored and then sent to every device in scope. A value over a limit refuses just its mutation.
 *
 * The walk is iterative (an explicit stack), so no input can overflow it, and it stops at the first value over a limit.
 */
import { MAX_JSON_BYTES, MAX_TEXT_CHARS, MAX_VALUE_DEPTH } from '../../../src/shared/sync/protocol'
import { refusal, type Refusal } from './refusal'

/** Code points of `text`, counting no further than `limit + 1` (PostgreSQL measures text in characters). */
function charsUpTo(text: string, limit: number): number {
  if (text.length <= limit) return text.length
  let n = 0
  for (let i = 0; i < text.length && n <= limit; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff) i++
    n++
  }
  return n
}

/** Refusal for the first field of `fields` (a mutation's raw `fields`) over a limit; null when all are within. */
export function valueLimitRefusal(fields: unknown): Refusal | null {
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) return null
  for (const [name, value] of Object.entries(fields as Record<string, unknown>)) {
    if (typeof value === 'string') {
      if (charsUpTo(value, MAX_TEXT_CHARS) > MAX_TEXT_CHARS) {
        return refusal('value_too_large', `${name}: longer than ${MAX_TEXT_CHARS.toLocaleString('en-US')} characters`)
      }
      continue
    }
    if (value === null || typeof value !== 'object') continue
    // A structured value: bound its nesting and its serialized size (approximated from the walk, in UTF-8 bytes).
    let bytes = 0
    const stack: { value: unknown; depth: number }[] = [{ value, depth: 1 }]
    while (stack.length > 0) {
      const { value: current, depth } = stack.pop()!
      if (depth > MAX_VALUE_DEPTH) return refusal('value_too_deep', `${name}: nested deeper than ${MAX_VALUE_DEPTH} levels`)
      if (typeof current === 'string') bytes += Buffer.byteLength(current, 'utf8') + 2
      else if (current === null || typeof current !== 'object') bytes += 8
      else if (Array.isArray(current)) {
        bytes += 2 + current.length
        for (const item of current) stack.push({ value: item, depth: depth + 1 })
      } else {
        for (const [key, item] of Object.entries(current as Record<string, unknown>)) {
          bytes += Buffer.byteLength(key, 'utf8') + 4
          stack.push({ value: item, depth: depth + 1 })
        }
        bytes += 2
      }
      if (bytes > MAX_JSON_BYTES) return refusal('value_too_large', `${name}: larger than ${MAX_JSON_BYTES / 1024} KB of JSON`)
    }
  }
  return null
}
