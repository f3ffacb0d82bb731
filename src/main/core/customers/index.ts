/**
 * The customers domain of one device: companies, their page, branches and contacts, the contacts directory and
 * activities. Reads with prepared SQL over the replica (soft-deleted rows excluded), writes only through the outbox
 * writer. `createCustomers(ctx)`, the same shape as every core/<domain>/index.ts.
 */
import { type DomainContext } from '../common/context'
import { createPeopleDirectory } from '../common/people'
import { createActivitiesRepo, type ActivitiesRepo } from './activities'
import { createCompaniesRepo, type CompaniesRepo } from './companies'
import { createCompanyPageReader, type CompanyPageReader } from './company-page'
import { createContactDirectory, type ContactDirectory } from './contact-directory'
import { createContactsRepo, type ContactsRepo } from './contacts'
import { createDuplicateFinder } from './duplicates'

export interface CustomerRepos {
  readonly companies: CompaniesRepo
  readonly companyPage: CompanyPageReader
  readonly contacts: ContactsRepo
  /** Every contact this device holds, with the computed last contact day (the contacts export). */
  readonly contactDirectory: ContactDirectory
  readonly activities: ActivitiesRepo
}

export function createCustomers({ sqlite, writer, state }: DomainContext): CustomerRepos {
  const people = createPeopleDirectory(sqlite, state)
  const duplicates = createDuplicateFinder(sqlite)
  const activities = createActivitiesRepo({ sqlite, writer, people })
  return {
    companies: createCompaniesRepo({ sqlite, writer, people, duplicates }),
    companyPage: createCompanyPageReader({ sqlite, people, activities }),
    contacts: createContactsRepo({ sqlite, writer, duplicates }),
    contactDirectory: createContactDirectory(sqlite),
    activities,
  }
}
