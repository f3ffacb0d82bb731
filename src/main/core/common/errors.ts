/**
 * A record the caller named is not on this device (never synced here, or deleted): the same refusal in every domain,
 * answered as `record.notFound` by the handlers (handlers/refusals.ts).
 */
export class RecordNotFoundError extends Error {
  override readonly name = 'RecordNotFoundError'
}
