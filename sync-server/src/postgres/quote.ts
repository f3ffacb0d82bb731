/** A PostgreSQL identifier, double-quoted. Table and column names come from the Drizzle schema, never from a request. */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`
