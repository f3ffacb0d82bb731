/**
 * The device repositories: reads with prepared SQL over the replica (soft-deleted rows excluded), writes only through
 * the outbox writer. Built once per opened replica; handlers reach them through the DevicePort.
 */
import { type Writer } from '../outbox/writer'
import { type Sqlite } from '../sqlite'
import { type DeviceState } from '../state'
import { createActivitiesRepo, type ActivitiesRepo } from './activities'
import { createCompaniesRepo, type CompaniesRepo } from './companies'
import { createCompanyPageReader, type CompanyPageReader } from './company-page'
import { createContactDirectory, type ContactDirectory } from './contact-directory'
import { createContactsRepo, type ContactsRepo } from './contacts'
import { createDuplicateFinder } from './duplicates'
import { createPeopleDirectory } from '../common/people'
import { createSavedFiltersRepo, type SavedFiltersRepo } from '../records/saved-filters'
import { createSearchRepo, type SearchRepo } from '../records/search'
import { createTrashRepo, type TrashRepo } from '../records/trash'

export interface CustomerRepos {
  readonly companies: CompaniesRepo
  readonly companyPage: CompanyPageReader
  readonly contacts: ContactsRepo
  /** Every contact this device holds, with the computed last contact day (the contacts export). */
  readonly contactDirectory: ContactDirectory
  readonly search: SearchRepo
  readonly activities: ActivitiesRepo
  readonly savedFilters: SavedFiltersRepo
  readonly trash: TrashRepo
}

export function createCustomerRepos({ sqlite, writer, state }: { sqlite: Sqlite; writer: Writer; state: DeviceState }): CustomerRepos {
  const people = createPeopleDirectory(sqlite, state)
  const duplicates = createDuplicateFinder(sqlite)
  const activities = createActivitiesRepo({ sqlite, writer, people })
  return {
    companies: createCompaniesRepo({ sqlite, writer, people, duplicates }),
    companyPage: createCompanyPageReader({ sqlite, people, activities }),
    contacts: createContactsRepo({ sqlite, writer, duplicates }),
    contactDirectory: createContactDirectory(sqlite),
    search: createSearchRepo(sqlite),
    activities,
    savedFilters: createSavedFiltersRepo(sqlite, state),
    trash: createTrashRepo({ sqlite, writer, state }),
  }
}
