/**
 * The output half of a channel's contract. Every `*-contract.ts` imports it from here (not from contract.ts, which
 * imports them all), so the contracts form a tree, not a circle.
 */

/** A phantom marker carrying a channel's output type; it holds no value at runtime. */
export interface Returns<T> {
  readonly __returns?: (value: T) => T
}

export function returns<T>(): Returns<T> {
  return {}
}
