import { SCHEMA_VERSION } from '../../shared/sync/protocol'
import { IpcFailure } from '../../shared/ipc/errors'
import { type HandlerContext } from './context'
import { parseSafeExternalUrl } from './external-url'
import { type DomainHandlers } from './domain-handlers'

export function appHandlers(ctx: HandlerContext): DomainHandlers<'app'> {
  return {
    'app.info': () => ({ ...ctx.app, schemaVersion: SCHEMA_VERSION }),
    'app.openExternal': async ({ url }) => {
      const safe = parseSafeExternalUrl(url)
      if (!safe) throw new IpcFailure('app.urlNotAllowed')
      await ctx.openExternal(safe)
      return { opened: true }
    },
  }
}
