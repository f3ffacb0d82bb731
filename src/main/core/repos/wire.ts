/** From the app's camelCase inputs to the writer's wire fields (SQL column names). */

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
}

/** Only the fields that are set: `undefined` means "not changed" on an edit. */
export function toWireFields(input: Readonly<Record<string, unknown>>, skip: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || skip.includes(key)) continue
    out[snake(key)] = value
  }
  return out
}

/** A short code for a record created offline: unique without asking the server (derived from the UUIDv7). */
export function offlineCode(prefix: string, id: string): string {
  const hex = id.replace(/-/g, '')
  return `${prefix}-${hex.slice(0, 10).toUpperCase()}${hex.slice(-4).toUpperCase()}`
}
