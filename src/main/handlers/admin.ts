/**
 * Administration: users, roles and the permission matrix, departments and teams on the local replica (synced like any
 * edit), account creation and the audit log through the server. Refusals become typed, translated errors.
 */
import { type AdminChannel } from '../../shared/ipc/admin-channels'
import { type IpcChannel } from '../../shared/ipc/channels'
import { type HandlerTable } from '../../shared/ipc/contract'
import { IpcFailure, type IpcErrorCode } from '../../shared/ipc/errors'
import { AdminOnlineError, type AdminOnlineFailure } from '../core/admin/online'
import { NotSignedInError, RowNotFoundError } from '../core/outbox/writer'
import { WriteForbiddenError } from '../core/outbox/write-permission'
import { AdminRuleError, type AdminRule } from '../core/admin/rules'
import { CatalogueRuleError, type CatalogueRule } from '../core/admin/catalogues'
import { type HandlerContext } from './context'

const RULE_ERRORS: Record<AdminRule, IpcErrorCode> = {
  notFound: 'record.notFound',
  signInToEdit: 'record.signInRequired',
  notAllowed: 'admin.notAllowed',
  departmentCycle: 'admin.departmentCycle',
  roleInUse: 'admin.roleInUse',
  duplicateCode: 'admin.duplicateCode',
  duplicateName: 'admin.duplicateName',
  unknownPermission: 'admin.unknownPermission',
  selfLockout: 'admin.selfLockout',
}

const CATALOGUE_ERRORS: Record<CatalogueRule, IpcErrorCode> = {
  notFound: 'record.notFound',
  signInToEdit: 'record.signInRequired',
  notAllowed: 'admin.notAllowed',
  duplicateCode: 'admin.duplicateCode',
  industryCycle: 'admin.industryCycle',
}

const ONLINE_ERRORS: Record<AdminOnlineFailure, IpcErrorCode> = {
  onlineRequired: 'admin.onlineRequired',
  signInAgain: 'sync.signInAgain',
  notAllowed: 'admin.notAllowed',
  duplicateEmail: 'admin.duplicateEmail',
  rejected: 'admin.serverRefused',
  wrongPassword: 'account.wrongPassword',
  tooManyAttempts: 'account.tooManyAttempts',
}

function failureOf(error: unknown): never {
  if (error instanceof AdminRuleError) throw new IpcFailure(RULE_ERRORS[error.rule])
  if (error instanceof CatalogueRuleError) throw new IpcFailure(CATALOGUE_ERRORS[error.rule])
  if (error instanceof AdminOnlineError) throw new IpcFailure(ONLINE_ERRORS[error.kind])
  if (error instanceof NotSignedInError) throw new IpcFailure('record.signInRequired')
  if (error instanceof WriteForbiddenError) throw new IpcFailure('admin.notAllowed')
  if (error instanceof RowNotFoundError) throw new IpcFailure('record.notFound')
  throw error
}

function adminCall<T>(fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    failureOf(error)
  }
}

async function onlineCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    failureOf(error)
  }
}

type AdminHandlers = Pick<HandlerTable, Extract<IpcChannel, AdminChannel>>

export function adminHandlers(ctx: HandlerContext): AdminHandlers {
  const repo = () => ctx.device.admin.repo
  return {
    'admin.users': () => adminCall(() => repo().users()),
    'admin.saveUser': (input) => adminCall(() => repo().saveUser(input)),
    'admin.createUser': (input) =>
      onlineCall(async () => {
        const created = await ctx.device.adminOnline.createUser(input)
        await ctx.device.adminOnline.pullNow()
        return created
      }),
    'admin.roles': () => adminCall(() => repo().roles()),
    'admin.saveRole': (input) => adminCall(() => repo().saveRole(input)),
    'admin.setPermission': (input) => adminCall(() => repo().setPermission(input)),
    'admin.departments': () => adminCall(() => repo().departments()),
    'admin.saveDepartment': (input) => adminCall(() => repo().saveDepartment(input)),
    'admin.teams': () => adminCall(() => repo().teams()),
    'admin.saveTeam': (input) => adminCall(() => repo().saveTeam(input)),
    'admin.setMembership': (input) => adminCall(() => repo().setMembership(input)),
    'admin.campaigns': () => adminCall(() => ctx.device.admin.catalogues.campaigns()),
    'admin.saveCampaign': (input) => adminCall(() => ctx.device.admin.catalogues.saveCampaign(input)),
    'admin.industries': () => adminCall(() => ctx.device.admin.catalogues.industries()),
    'admin.saveIndustry': (input) => adminCall(() => ctx.device.admin.catalogues.saveIndustry(input)),
    'admin.audit': (input) => onlineCall(() => ctx.device.adminOnline.audit(input)),
    'admin.recordHistory': (input) => onlineCall(() => ctx.device.adminOnline.recordHistory(input)),
    'admin.userDevices': (input) => onlineCall(() => ctx.device.adminOnline.userDevices(input.userId)),
    'admin.revokeDevice': (input) =>
      onlineCall(async () => {
        await ctx.device.adminOnline.revokeDevice(input.deviceId, input.wipe)
        return ctx.device.adminOnline.userDevices(input.userId)
      }),
    'admin.resetPassword': (input) => onlineCall(async () => ({ oneTimePassword: await ctx.device.adminOnline.resetPassword(input.userId) })),
  }
}
