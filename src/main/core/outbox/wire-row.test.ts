/**
 * The writer's types (issue 14): a misspelled column, a wrong value type or a table that is not synced is a compile
 * error. `npx tsc -b` checks the `@ts-expect-error` lines (an unused one fails the build); vitest checks the rest.
 */
import { describe, expectTypeOf, it } from 'vitest'
import { type SyncedTable } from '../../../shared/model/tables'
import { type Writer } from './writer'
import { type WireColumn, type WireRow } from './wire-row'

describe('writer row types', () => {
  it('key every synced table by its SQL column names, with wire value types', () => {
    expectTypeOf<WireRow<'companies'>['business_number']>().toEqualTypeOf<string | null>()
    expectTypeOf<WireRow<'companies'>['tags']>().toEqualTypeOf<string[]>()
    expectTypeOf<WireRow<'branches'>['is_primary']>().toEqualTypeOf<boolean>()
    expectTypeOf<WireRow<'contacts'>['deleted_at']>().toEqualTypeOf<string | null>()
    expectTypeOf<'businessNumber'>().not.toMatchTypeOf<WireColumn<'companies'>>()
    expectTypeOf<'outbox'>().not.toMatchTypeOf<SyncedTable>()
  })

  it('refuse a misspelled column, a wrong value, a column of another table and an unsynced table', () => {
    // Never called: only type-checked.
    const check = (writer: Writer): void => {
      writer.upsert('companies', 'id', { name: 'ACME', business_number: '1234567890', tags: ['a'] })
      writer.upsert('branches', 'id', { is_primary: true })
      // @ts-expect-error -- misspelled column
      writer.upsert('companies', 'id', { nmae: 'ACME' })
      // @ts-expect-error -- camelCase is the app's name, not the column's
      writer.upsert('companies', 'id', { businessNumber: '1234567890' })
      // @ts-expect-error -- a column of contacts, not of companies
      writer.upsert('companies', 'id', { first_name: 'Kim' })
      // @ts-expect-error -- booleans are true/false on the wire, not 0/1
      writer.upsert('branches', 'id', { is_primary: 1 })
      // @ts-expect-error -- not a synced table
      writer.upsert('outbox', 'id', {})
      // @ts-expect-error -- not a synced table
      writer.remove('sync_state', 'id')
      // @ts-expect-error -- misspelled table
      writer.restore('compaines', 'id')
      // @ts-expect-error -- misspelled column
      writer.reapply('contacts', 'id', { frist_name: 'Kim' })
    }
    expectTypeOf(check).toBeFunction()
  })
})
