/**
 * Import and export (가져오기·내보내기): export builds a file from rows the renderer already shows; import previews a
 * file against the replica and commits it in one writer transaction. Refusals become typed, translated errors.
 */
import { type IpcChannel } from '../../shared/ipc/channels'
import { type HandlerTable } from '../../shared/ipc/contract'
import { IpcFailure, isIpcErrorCode, type IpcErrorCode } from '../../shared/ipc/errors'
import { type TransferChannel } from '../../shared/ipc/transfer-channels'
import { AssignmentRefusedError } from '../core/outbox/assignment-guard'
import { NotSignedInError, RowNotFoundError } from '../core/outbox/writer'
import { WriteForbiddenError } from '../core/outbox/write-permission'
import { RecordNotFoundError } from '../core/common/errors'
import { ProductRuleError } from '../core/products/products'
import { exportTable, exportWorkbook } from '../core/transfer/export'
import { ImportFileError, type ParseProblem } from '../core/transfer/import/parse'
import { ImportRuleError, type ImportRequest, type ImportRule } from '../core/transfer/import/service'
import { type HandlerContext } from './context'

const FILE_ERRORS: Record<ParseProblem, IpcErrorCode> = {
  unreadable: 'import.unreadable',
  tooLarge: 'import.tooLarge',
  empty: 'import.empty',
}

const RULE_ERRORS: Record<ImportRule, IpcErrorCode> = {
  mappingIncomplete: 'import.mappingIncomplete',
  hasErrors: 'import.hasErrors',
  nothingToImport: 'import.nothingToImport',
  classNotFound: 'record.notFound',
  classFull: 'training.classFull',
}

async function importCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    if (error instanceof ImportFileError) throw new IpcFailure(FILE_ERRORS[error.problem])
    if (error instanceof ImportRuleError) throw new IpcFailure(RULE_ERRORS[error.rule], error.params)
    // The writer checks permission for every imported row; the product repository re-checks code uniqueness.
    if (error instanceof WriteForbiddenError) throw new IpcFailure('record.notPermitted')
    if (error instanceof ProductRuleError) {
      const code = `products.${error.rule}`
      throw new IpcFailure(isIpcErrorCode(code) ? code : 'internal')
    }
    if (error instanceof NotSignedInError) throw new IpcFailure('record.signInRequired')
    if (error instanceof AssignmentRefusedError) throw new IpcFailure('record.assignNotAllowed')
    if (error instanceof RecordNotFoundError || error instanceof RowNotFoundError) throw new IpcFailure('record.notFound')
    throw error
  }
}

type RequestInput = { fileBase64: string } & Omit<ImportRequest, 'bytes'>

function toRequest({ fileBase64, ...rest }: RequestInput): ImportRequest {
  return { ...rest, bytes: new Uint8Array(Buffer.from(fileBase64, 'base64')) }
}

type TransferHandlers = Pick<HandlerTable, Extract<IpcChannel, TransferChannel>>

export function transferHandlers(ctx: HandlerContext): TransferHandlers {
  return {
    'export.table': (input) => exportTable(input),
    'export.workbook': (input) => exportWorkbook(input),
    'export.attendance': () => ctx.device.transfer.attendance(),
    'import.preview': (input) => importCall(() => ctx.device.transfer.preview(toRequest(input))),
    'import.commit': ({ duplicates, ...input }) => importCall(() => ctx.device.transfer.commit({ ...toRequest(input), duplicates })),
  }
}
