/** Parse a request part with a zod schema; a failure escapes as ZodError and the error handler answers 400. */
import type { z } from 'zod'
import { badRequest } from './errors'

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  // A missing body (no content-type) reaches handlers as undefined: name it instead of a zod "expected object".
  if (value === undefined || value === null) throw badRequest('Request body is required (JSON)')
  return schema.parse(value)
}
