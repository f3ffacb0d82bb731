/**
 * Attachments per record and the file transfers of the sync panel. Loaded through `window.crm.files`; `reload()`
 * refreshes whatever is on screen (after a sync, or while a transfer is running).
 */
import { create } from 'zustand'
import { type AttachmentEntityType } from '../../../../shared/model/enums'
import { type AttachmentList, type FileTransferView } from '../../../../shared/ipc/files-types'
import { type IpcError } from '../../../../shared/ipc/errors'
import { api, toIpcError } from '../../lib/api'

/** The synced tables this store reads (contract #4: the live-screens change stream reloads it when they change). */
export const readsTables = ['attachments', 'users'] as const

export const recordKey = (entityType: AttachmentEntityType, entityId: string): string => `${entityType}:${entityId}`

interface FilesState {
  readonly lists: Readonly<Record<string, AttachmentList>>
  readonly transfers: readonly FileTransferView[]
  readonly error: IpcError | null
}

interface FilesActions {
  load(entityType: AttachmentEntityType, entityId: string): Promise<void>
  loadTransfers(): Promise<void>
  /** Reloads every record list on screen and the transfers. */
  reload(): Promise<void>
  add(entityType: AttachmentEntityType, entityId: string, file: File): Promise<boolean>
  remove(entityType: AttachmentEntityType, entityId: string, id: string): Promise<void>
  pin(entityType: AttachmentEntityType, entityId: string, pinned: boolean): Promise<void>
  errorDismissed(): void
}

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer)
  let binary = ''
  // In slices: String.fromCharCode(...all) overflows the argument limit for files of a few MB.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

export const useFilesStore = create<FilesState & FilesActions>()((set, get) => ({
  lists: {},
  transfers: [],
  error: null,
  async load(entityType, entityId) {
    try {
      const list = await api.files.list({ entityType, entityId })
      set((s) => ({ lists: { ...s.lists, [recordKey(entityType, entityId)]: list } }))
    } catch (error) {
      set({ error: toIpcError(error) })
    }
  },
  async loadTransfers() {
    try {
      set({ transfers: await api.files.transfers() })
    } catch {
      // The sync panel shows what it has; a failed poll is retried on the next tick.
    }
  },
  async reload() {
    const keys = Object.keys(get().lists)
    await Promise.all([
      ...keys.map((key) => {
        const [entityType, entityId] = key.split(':') as [AttachmentEntityType, string]
        return get().load(entityType, entityId)
      }),
      get().loadTransfers(),
    ])
  },
  async add(entityType, entityId, file) {
    set({ error: null })
    try {
      const base64 = toBase64(await file.arrayBuffer())
      await api.files.add({ entityType, entityId, fileName: file.name, mimeType: file.type, base64 })
      await get().load(entityType, entityId)
      return true
    } catch (error) {
      set({ error: toIpcError(error) })
      return false
    }
  },
  async remove(entityType, entityId, id) {
    try {
      await api.files.remove({ id })
      await get().load(entityType, entityId)
    } catch (error) {
      set({ error: toIpcError(error) })
    }
  },
  async pin(entityType, entityId, pinned) {
    try {
      await api.files.pin({ entityType, entityId, pinned })
      await get().load(entityType, entityId)
    } catch (error) {
      set({ error: toIpcError(error) })
    }
  },
  errorDismissed: () => set({ error: null }),
}))
