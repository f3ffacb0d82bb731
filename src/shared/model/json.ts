/**
 * Shapes of the structured (JSON) columns. The seed declared these as bare JSONB; naming the shape once lets both
 * schemas, the validation and the UI agree. Every field beyond the first is optional so older rows stay valid.
 */

/** `companies.custom_fields`: free key/value pairs a customer adds without a migration. */
export type CustomFields = Record<string, string | number | boolean | null>

/** `opportunities.competitor_info`. */
export interface CompetitorInfo {
  readonly name: string
  readonly strengths?: string
  readonly weaknesses?: string
  /** Their quoted price in whole won, when known. */
  readonly price?: number
  readonly note?: string
}

/** `meeting_minutes.competitors_mentioned`. */
export interface CompetitorMention {
  readonly name: string
  readonly note?: string
}

/** `meeting_minutes.attachments`: references only; files are not stored in the database. */
export interface AttachmentRef {
  readonly name: string
  readonly url: string
  readonly sizeBytes?: number
  readonly mimeType?: string
}

/** `products.curriculum`: the modules of a course in order. */
export interface CurriculumModule {
  readonly title: string
  readonly hours?: number
  readonly description?: string
}
