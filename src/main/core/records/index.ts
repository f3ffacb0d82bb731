/**
 * What works across every domain's records: global search, saved list filters and the trash (휴지통).
 * `createRecords(ctx)`, the same shape as every core/<domain>/index.ts.
 */
import { type DomainContext } from '../common/context'
import { createSavedFiltersRepo, type SavedFiltersRepo } from './saved-filters'
import { createSearchRepo, type SearchRepo } from './search'
import { createTrashRepo, type TrashRepo } from './trash'

export interface RecordRepos {
  readonly search: SearchRepo
  readonly savedFilters: SavedFiltersRepo
  readonly trash: TrashRepo
}

export function createRecords({ sqlite, writer, state }: DomainContext): RecordRepos {
  return {
    search: createSearchRepo(sqlite),
    savedFilters: createSavedFiltersRepo(sqlite, state),
    trash: createTrashRepo({ sqlite, writer, state }),
  }
}
