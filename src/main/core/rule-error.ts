/**
 * A business rule refused a write or a read. One type for every domain: each domain narrows `rule` to its own code
 * list (`class ProductRuleError extends RuleError<ProductRule> {}`), and its IPC handler maps every code to an error
 * code (`refusalsOf` in handlers/refusals.ts), so a new rule that is not translated fails the type check.
 */
export class RuleError<R extends string> extends Error {
  constructor(
    readonly rule: R,
    detail: string = `rule refused: ${rule}`,
  ) {
    super(detail)
    this.name = new.target.name
  }
}
