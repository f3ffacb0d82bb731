/**
 * Type-level parity: a row read from the device replica has exactly the TypeScript type of the same row read on the
 * server, minus the server-only `fieldHlc`. These assertions are checked by `tsc -b` (vitest only runs them as no-ops),
 * so a column whose Drizzle mode differs between the dialects (a Date here, a string there; a string bigint) fails
 * the typecheck.
 */
import type { InferInsertModel, InferSelectModel, Table } from 'drizzle-orm'
import { describe, expectTypeOf, it } from 'vitest'
import type * as device from '../../src/main/db/schema'
import type * as server from '../../sync-server/db/schema'

type DeviceOnly = 'outbox' | 'syncState' | 'fileUploadQueue' | 'pinnedRecords'
type ServerOnly =
  | 'userCredentials'
  | 'userSessions'
  | 'syncDevices'
  | 'syncRejections'
  | 'changeLog'
  | 'auditLogs'
  | 'syncGcState'
  | 'authzEpoch'
  | 'fileBlobs'
  | 'fileChunks'
  | 'fileUploads'
  | 'filePossessions'

type Tables<M> = { [K in keyof M as M[K] extends Table ? K : never]: M[K] }
type DeviceTables = Omit<Tables<typeof device>, DeviceOnly>
type ServerTables = Omit<Tables<typeof server>, ServerOnly>

type Selects<T> = { [K in keyof T]: T[K] extends Table ? InferSelectModel<T[K]> : never }
type Inserts<T> = { [K in keyof T]: T[K] extends Table ? InferInsertModel<T[K]> : never }
type WithoutFieldHlc<T> = { [K in keyof T]: Omit<T[K], 'fieldHlc'> }

describe('row types', () => {
  it('are the same on the device and the server for every synced table', () => {
    expectTypeOf<Selects<DeviceTables>>().toEqualTypeOf<WithoutFieldHlc<Selects<ServerTables>>>()
  })

  it('accept the same inserts (same required columns, same defaults)', () => {
    expectTypeOf<Inserts<DeviceTables>>().toEqualTypeOf<WithoutFieldHlc<Inserts<ServerTables>>>()
  })

  it('really compare (the check is not vacuous)', () => {
    // @ts-expect-error the server row carries field_hlc, the device row does not
    expectTypeOf<Selects<DeviceTables>['companies']>().toEqualTypeOf<Selects<ServerTables>['companies']>()
    expectTypeOf<Selects<DeviceTables>['companies']['annualRevenue']>().toEqualTypeOf<number | null>()
    expectTypeOf<Selects<DeviceTables>['companies']['createdAt']>().toEqualTypeOf<string>()
    expectTypeOf<Selects<DeviceTables>['companies']['tier']>().toEqualTypeOf<'VIP' | 'GOLD' | 'SILVER' | 'BRONZE'>()
    expectTypeOf<Selects<ServerTables>['trainingClasses']['startTime']>().toEqualTypeOf<string>()
    expectTypeOf<Selects<ServerTables>['companies']['tags']>().toEqualTypeOf<string[]>()
  })
})
