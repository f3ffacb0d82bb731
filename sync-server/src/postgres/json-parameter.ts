/**
 * JSON statement parameters as UTF-8 bytes, encoded by the caller (issue 20). node-postgres encodes a string parameter
 * while it binds the statement, on the critical path; the push builds each statement's JSON while PostgreSQL runs the
 * previous statement (row-store.ts, batch.ts), and with these the encoding of up to a megabyte per statement moves
 * there too. A Buffer is bound in binary format: for `json` that is the text itself, for `jsonb` a version byte (1)
 * and the text, so PostgreSQL parses exactly the JSON a string parameter would have carried.
 */

/** For a `$n::json` parameter. */
export function jsonParameter(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8')
}

/** jsonb's binary input format: version 1, then the JSON text (PostgreSQL's jsonb_recv). */
const JSONB_VERSION = 1

/** For a `$n::jsonb` parameter. */
export function jsonbParameter(value: unknown): Buffer {
  const text = JSON.stringify(value)
  const bytes = Buffer.allocUnsafe(1 + Buffer.byteLength(text, 'utf8'))
  bytes[0] = JSONB_VERSION
  bytes.write(text, 1, 'utf8')
  return bytes
}
