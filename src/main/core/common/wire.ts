/** From the app's camelCase inputs to the writer's wire fields (SQL column names). */

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
}

/** `snake` at the type level, so the writer's typed columns check the converted names too. */
type Snake<S extends string> = S extends `${infer H}${infer R}` ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${Snake<R>}` : S

/** The wire fields of a camelCase input: every key snake_cased, `undefined` dropped. */
export type WireFieldsFrom<I> = { [K in keyof I & string as Snake<K>]?: Exclude<I[K], undefined> }

/** Only the fields that are set: `undefined` means "not changed" on an edit. */
export function toWireFields<I extends object, S extends keyof I & string = never>(input: I, skip: readonly S[] = []): WireFieldsFrom<Omit<I, S>> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || (skip as readonly string[]).includes(key)) continue
    out[snake(key)] = value
  }
  return out as WireFieldsFrom<Omit<I, S>>
}
