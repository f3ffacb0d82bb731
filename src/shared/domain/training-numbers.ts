// 차수 and 분반 numbers. A device offers the next free number (highest + 1) but cannot coordinate with other devices
// offline, so two coordinators may both create "1차" of a project. Numbers are not a key: both rows are kept (nothing
// is lost), the screen flags the clash, and the number stays editable so a person decides which becomes 2차.

/** The ids of items whose number is also used by another item of the same list. */
export function duplicateNumberIds(items: ReadonlyArray<{ readonly id: string; readonly number: number }>): Set<string> {
  const byNumber = new Map<number, string[]>()
  for (const item of items) byNumber.set(item.number, [...(byNumber.get(item.number) ?? []), item.id])
  const out = new Set<string>()
  for (const ids of byNumber.values()) if (ids.length > 1) for (const id of ids) out.add(id)
  return out
}

/** The number a new item is offered: one above the highest in use (1 for the first). */
export function nextNumber(numbers: Iterable<number>): number {
  let highest = 0
  for (const n of numbers) if (n > highest) highest = n
  return highest + 1
}
