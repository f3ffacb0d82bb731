/**
 * Attachments: each channel is one call into the device's files (core/files); opening is decided here by runtime —
 * Electron opens with the OS's default application (programs are saved instead, never opened), the web harness hands
 * the bytes to the renderer to download.
 */
import { readFileSync } from 'node:fs'
import { type IpcChannel } from '../../shared/ipc/channels'
import { type HandlerTable } from '../../shared/ipc/contract'
import { IpcFailure, type IpcErrorCode } from '../../shared/ipc/errors'
import { type FilesChannel } from '../../shared/ipc/files-channels'
import { AttachmentInputError } from '../core/files'
import { NotSignedInError } from '../core/outbox/writer'
import { WriteForbiddenError } from '../core/outbox/write-permission'
import { type HandlerContext } from './context'

const INPUT_ERRORS: Record<AttachmentInputError['reason'], IpcErrorCode> = {
  too_large: 'files.tooLarge',
  type_mismatch: 'files.typeMismatch',
  not_found: 'record.notFound',
  not_available: 'files.notAvailable',
  not_uploaded: 'files.notUploadedYet',
}

function refusal(error: unknown): never {
  if (error instanceof AttachmentInputError) throw new IpcFailure(INPUT_ERRORS[error.reason])
  if (error instanceof NotSignedInError) throw new IpcFailure('record.signInRequired')
  if (error instanceof WriteForbiddenError) throw new IpcFailure('record.notPermitted')
  throw error
}

async function filesCall<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    refusal(error)
  }
}

type FilesHandlers = Pick<HandlerTable, Extract<IpcChannel, FilesChannel>>

export function filesHandlers(ctx: HandlerContext): FilesHandlers {
  const files = () => ctx.device.files
  return {
    'files.list': ({ entityType, entityId }) =>
      filesCall(() => ({ items: files().list(entityType, entityId), pinned: files().isPinned(entityType, entityId) })),
    'files.add': ({ entityType, entityId, fileName, mimeType, base64 }) =>
      filesCall(() => files().add({ entityType, entityId, fileName, mimeType, bytes: Buffer.from(base64, 'base64') })),
    'files.remove': ({ id }) =>
      filesCall(() => {
        files().remove(id)
        return null
      }),
    'files.open': ({ id }) =>
      filesCall(async () => {
        const plan = await files().prepareOpen(id)
        const local = ctx.localFiles
        if (!local) return { kind: 'download' as const, fileName: plan.fileName, mimeType: plan.mimeType, base64: readFileSync(plan.path).toString('base64') }
        if (plan.kind === 'open') {
          await local.open(plan.path)
          return { kind: 'opened' as const }
        }
        return { kind: 'saved' as const, path: await local.saveAs(plan.path, plan.fileName) }
      }),
    'files.pin': ({ entityType, entityId, pinned }) =>
      filesCall(() => {
        files().pin(entityType, entityId, pinned)
        return null
      }),
    'files.transfers': () => filesCall(() => files().transfers()),
    'files.settings': () => filesCall(() => ({ prefetchBudgetBytes: files().budget() })),
    'files.saveSettings': ({ prefetchBudgetBytes }) =>
      filesCall(() => {
        files().setBudget(prefetchBudgetBytes)
        return { prefetchBudgetBytes: files().budget() }
      }),
  }
}
