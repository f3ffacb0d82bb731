// The product category tree (상품 분류): parent links only, so the order, depth and paths are derived here. A move that
// would put a category under itself or one of its descendants is refused, and a tree that arrives broken from two
// devices moving categories offline (A under B here, B under A there) still renders: the cycle's members are shown at
// the top level instead of vanishing.

import { compareKorean } from './korean-text'

export interface CategoryLink {
  readonly id: string
  readonly name: string
  readonly parentId: string | null
}

export interface CategoryNode<T extends CategoryLink> {
  readonly category: T
  readonly depth: number
  /** Names from the root down to this category (교육 › 리더십). */
  readonly path: readonly string[]
}

/** Would giving `id` the parent `parentId` close a loop (itself, or one of its descendants)? */
export function createsCategoryCycle(categories: readonly CategoryLink[], id: string, parentId: string | null): boolean {
  if (parentId === null) return false
  const parentOf = new Map(categories.map((c) => [c.id, c.parentId]))
  const seen = new Set<string>()
  for (let at: string | null | undefined = parentId; at; at = parentOf.get(at)) {
    if (at === id) return true
    if (seen.has(at)) return false // an existing loop elsewhere, not through `id`
    seen.add(at)
  }
  return false
}

/** `id` and every category below it. */
export function categoryWithDescendants(categories: readonly CategoryLink[], id: string): Set<string> {
  const children = new Map<string, string[]>()
  for (const c of categories) if (c.parentId) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id])
  const out = new Set<string>()
  const stack = [id]
  while (stack.length > 0) {
    const next = stack.pop()!
    if (out.has(next)) continue
    out.add(next)
    stack.push(...(children.get(next) ?? []))
  }
  return out
}

/**
 * Depth-first, siblings in Korean order (after `siblingOrder` when given: departments go by code). Any parent-linked
 * tree uses it (product categories, industries, departments). A category whose parent is unknown (deleted, not on this device) or which sits
 * in a loop is shown as a root, so every category appears exactly once.
 */
export function categoryTree<T extends CategoryLink>(categories: readonly T[], siblingOrder?: (a: T, b: T) => number): CategoryNode<T>[] {
  const byId = new Map(categories.map((c) => [c.id, c]))
  const inLoop = new Set(categories.filter((c) => createsCategoryCycle(categories, c.id, c.parentId)).map((c) => c.id))
  const isRoot = (c: T): boolean => c.parentId === null || !byId.has(c.parentId) || inLoop.has(c.id)
  const children = new Map<string, T[]>()
  for (const c of categories) {
    if (isRoot(c)) continue
    children.set(c.parentId!, [...(children.get(c.parentId!) ?? []), c])
  }
  const byName = (a: T, b: T): number => siblingOrder?.(a, b) || compareKorean(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const out: CategoryNode<T>[] = []
  const visit = (c: T, depth: number, path: readonly string[]): void => {
    const here = [...path, c.name]
    out.push({ category: c, depth, path: here })
    for (const child of (children.get(c.id) ?? []).sort(byName)) visit(child, depth + 1, here)
  }
  for (const root of categories.filter(isRoot).sort(byName)) visit(root, 0, [])
  return out
}
