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
