/**
 * Branches (사업장) and contacts (담당자) of a company: create / edit / delete through the writer. Contacts belong to a
 * branch (seed §2), so the company form creates the head office and the contact form picks a branch.
 */
import { uuidv7 } from '../../../shared/ids/uuidv7'
import { type CreateResult } from '../../../shared/model/customer-views'
import {
  type branchCreateSchema,
  type branchUpdateSchema,
  type contactCreateSchema,
  type contactUpdateSchema,
} from '../../../shared/model/validation/customers'
import { type z } from 'zod'
import { type Writer } from '../outbox/writer'
import { type Sqlite } from '../sqlite'
import { RecordNotFoundError } from '../common/errors'
import { type DuplicateFinder } from './duplicates'
import { newRecordCode } from '../../../shared/ids/record-code'
import { toWireFields } from '../common/wire'

export type BranchCreate = z.output<typeof branchCreateSchema>
export type BranchUpdate = z.output<typeof branchUpdateSchema>
export type ContactCreate = z.output<typeof contactCreateSchema>
export type ContactUpdate = z.output<typeof contactUpdateSchema>

export interface ContactsRepo {
  createBranch(input: BranchCreate): string
  updateBranch(id: string, changes: BranchUpdate): boolean
  /** Soft-deletes the branch and its contacts. */
  removeBranch(id: string): boolean
  createContact(input: ContactCreate, options: { readonly allowDuplicates: boolean }): CreateResult
  updateContact(id: string, changes: ContactUpdate): boolean
  removeContact(id: string): boolean
}

export function createContactsRepo({ sqlite, writer, duplicates }: { sqlite: Sqlite; writer: Writer; duplicates: DuplicateFinder }): ContactsRepo {
  const live = (table: 'companies' | 'branches' | 'contacts') =>
    sqlite.prepare<[string], { id: string }>(`SELECT id FROM ${table} WHERE id = ? AND deleted_at IS NULL`)
  const companyExists = live('companies')
  const branchExists = live('branches')
  const contactExists = live('contacts')
  const branchContacts = sqlite.prepare<[string], { id: string }>('SELECT id FROM contacts WHERE branch_id = ? AND deleted_at IS NULL')

  const require = (statement: ReturnType<typeof live>, what: string, id: string): void => {
    if (!statement.get(id)) throw new RecordNotFoundError(`No ${what} ${id}`)
  }

  return {
    createBranch(input) {
      require(companyExists, 'company', input.companyId)
      const id = uuidv7()
      writer.upsert('branches', id, { ...toWireFields(input), code: newRecordCode('branches') })
      return id
    },

    updateBranch(id, changes) {
      require(branchExists, 'branch', id)
      return writer.upsert('branches', id, toWireFields(changes)) !== null
    },

    removeBranch(id) {
      require(branchExists, 'branch', id)
      return writer.transaction(() => {
        for (const contact of branchContacts.all(id)) writer.remove('contacts', contact.id)
        return writer.remove('branches', id) !== null
      })
    },

    createContact(input, { allowDuplicates }) {
      require(branchExists, 'branch', input.branchId)
      if (!allowDuplicates) {
        const found = duplicates.contacts(input)
        if (found.length > 0) return { status: 'duplicates', duplicates: found }
      }
      const id = uuidv7()
      writer.upsert('contacts', id, toWireFields(input))
      return { status: 'created', id }
    },

    updateContact(id, changes) {
      require(contactExists, 'contact', id)
      if (changes.branchId) require(branchExists, 'branch', changes.branchId)
      return writer.upsert('contacts', id, toWireFields(changes)) !== null
    },

    removeContact(id) {
      require(contactExists, 'contact', id)
      return writer.remove('contacts', id) !== null
    },
  }
}
