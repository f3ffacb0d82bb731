/** The device schema versions a server accepts; outside the range a device must upgrade (or the server must). */
import type { ServerConfig } from '../config'
import { HttpError } from './errors'

export function assertSchemaVersion(version: number, { schemaVersions }: Pick<ServerConfig, 'schemaVersions'>): void {
  if (version >= schemaVersions.min && version <= schemaVersions.max) return
  const hint = version < schemaVersions.min ? 'update the app' : 'this server is older than the app; try again later'
  throw new HttpError(
    409,
    'schema_version',
    `Schema version ${version} is not supported (supported: ${schemaVersions.min}–${schemaVersions.max}); ${hint}`,
    {},
    { supported: schemaVersions, received: version },
  )
}
