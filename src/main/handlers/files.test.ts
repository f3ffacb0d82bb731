/**
 * How a file is shown, by runtime: Electron opens documents with the OS's default application and only ever saves a
 * program; the web harness (no localFiles) hands the bytes to the page. Refusals become translated error codes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { IpcFailure } from '../../shared/ipc/errors'
import { AttachmentInputError, type DeviceFiles, type OpenPlan } from '../core/files'
import { type HandlerContext } from './context'
import { filesHandlers } from './files'

const dir = mkdtempSync(path.join(tmpdir(), 'crm-files-handler-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function context(plan: OpenPlan | Error, localFiles?: HandlerContext['localFiles']): HandlerContext {
  const files = {
    prepareOpen: async () => {
      if (plan instanceof Error) throw plan
      return plan
    },
  } as unknown as DeviceFiles
  return {
    app: { name: 'CRM AUGU', version: '0', runtime: localFiles ? 'electron' : 'web-harness', platform: 'linux' },
    device: { files } as unknown as HandlerContext['device'],
    openExternal: async () => undefined,
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    ...(localFiles ? { localFiles } : {}),
  }
}

const id = '0190a000-0000-7000-8000-000000000001'
const meta = { channel: 'files.open' as const, origin: 'test' }
/** Handlers may answer synchronously or not; the tests await either. */
const open = async (ctx: HandlerContext) => filesHandlers(ctx)['files.open']({ id }, meta)

describe('files.open', () => {
  const pdf = path.join(dir, '제안서.pdf')
  writeFileSync(pdf, '%PDF-1.4 test')

  it('opens a document with the default application in Electron, and saves a program instead', async () => {
    const opened: string[] = []
    const saved: string[] = []
    const local = {
      open: async (file: string) => void opened.push(file),
      saveAs: async (file: string) => {
        saved.push(file)
        return '/home/kim/Downloads/setup.exe'
      },
    }
    expect(await open(context({ kind: 'open', path: pdf, fileName: '제안서.pdf', mimeType: 'application/pdf' }, local))).toEqual({ kind: 'opened' })
    expect(opened).toEqual([pdf])
    expect(await open(context({ kind: 'save', path: pdf, fileName: 'setup.exe', mimeType: 'application/octet-stream' }, local))).toEqual({
      kind: 'saved',
      path: '/home/kim/Downloads/setup.exe',
    })
    expect(opened).toEqual([pdf])
    expect(saved).toEqual([pdf])
  })

  it('hands the bytes to the page in the web harness', async () => {
    const result = await open(context({ kind: 'open', path: pdf, fileName: '제안서.pdf', mimeType: 'application/pdf' }))
    expect(result).toEqual({ kind: 'download', fileName: '제안서.pdf', mimeType: 'application/pdf', base64: Buffer.from('%PDF-1.4 test').toString('base64') })
  })

  it('turns refusals into translated codes', async () => {
    const failure = await open(context(new AttachmentInputError('not_available', 'offline'))).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(IpcFailure)
    expect((failure as IpcFailure).code).toBe('files.notAvailable')
  })
})
