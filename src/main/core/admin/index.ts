/** The administration side of one device: the admin repository on the replica and the server-only calls. */
import { type DeviceCore } from '../device'
import { repoContextOf } from '../common/context'
import { createAdminRepo, type AdminRepo } from './admin'
import { createCataloguesRepo, type CataloguesRepo } from './catalogues'
import { createAdminOnline, type AdminOnline } from './online'

export interface AdminDevice {
  readonly repo: AdminRepo
  /** Campaigns and industries. */
  readonly catalogues: CataloguesRepo
  readonly online: AdminOnline
  /** Pull now (best effort) so an account the server just created is on this device when the screen reloads. */
  pullNow(): Promise<void>
}

export function createAdminDevice(core: DeviceCore, now: () => Date = () => new Date()): AdminDevice {
  return {
    repo: createAdminRepo(repoContextOf(core, now)),
    catalogues: createCataloguesRepo(repoContextOf(core, now)),
    online: createAdminOnline({ session: core.session, tokens: core.tokens, fetch: core.fetch }),
    async pullNow() {
      try {
        await core.syncNow()
      } catch {
        // Offline right after creating: the next scheduled sync delivers the user.
      }
    },
  }
}
