/**
 * The per-field merge rule shared by the server (which applies it) and the tests' reference model (which checks it).
 * Last writer wins by HLC stamp — edit time, not upload time — and a losing value is never silent: the caller records
 * a conflict whenever this says the two writes were concurrent and their values differ.
 */
import { parseHlc, type Hlc } from './hlc'

/** What the server remembers about the winning write of one field: its stamp and the transaction that stored it. */
export interface FieldVersion {
  readonly hlc: Hlc
  /** PostgreSQL xid8 of the transaction that applied the write, as a decimal string. */
  readonly txid: string
}

export interface IncomingWrite {
  readonly hlc: Hlc
  /**
   * The device's watermark when the edit was made: every change committed by a transaction below it had been
   * delivered to the device. `null` means the device had not finished a first sync (treat everything as unseen).
   */
  readonly base: string | null
}

export type FieldOutcome =
  /** The incoming write wins; `concurrent` when it overwrites a value its author had not seen. */
  | { readonly apply: true; readonly concurrent: boolean }
  /** A later write already holds the field; the incoming value loses. */
  | { readonly apply: false; readonly concurrent: boolean }

export function decideField(stored: FieldVersion | undefined, incoming: IncomingWrite): FieldOutcome {
  if (!stored) return { apply: true, concurrent: false }
  const sameAuthor = parseHlc(stored.hlc).node === parseHlc(incoming.hlc).node
  if (incoming.hlc > stored.hlc) {
    // A device never conflicts with itself; another device's write conflicts only if this author had not received it.
    const unseen = incoming.base === null || BigInt(stored.txid) >= BigInt(incoming.base)
    return { apply: true, concurrent: !sameAuthor && unseen }
  }
  // Equal stamps can only be the same write delivered twice.
  return { apply: false, concurrent: !sameAuthor && incoming.hlc !== stored.hlc }
}

/** `field_hlc` stores `{ column: "<hlc>@<txid>" }`: one compact string per written field. */
export function encodeFieldVersion({ hlc, txid }: FieldVersion): string {
  return `${hlc}@${txid}`
}

export function decodeFieldVersion(encoded: string): FieldVersion {
  const at = encoded.lastIndexOf('@')
  if (at < 0) throw new Error(`Not a field version: ${encoded}`)
  return { hlc: encoded.slice(0, at), txid: encoded.slice(at + 1) }
}

/** Values compare as JSON: `1` and `1`, `["a"]` and `["a"]` are the same write for conflict purposes. */
export function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b)
}

function stableJson(value: unknown): string {
  if (value === undefined) return 'null'
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
}
