/** Value shapes of the attachments channels. */
import { type AttachmentEntityType } from '../model/enums'

export interface Attachment {
  readonly id: string
  readonly fileName: string
  readonly mimeType: string
  readonly sizeBytes: number
  /** Display name of the user who added it (null: unknown to this device). */
  readonly addedBy: string | null
  readonly addedAt: string
  /** The bytes are on this device: it opens offline. */
  readonly local: boolean
  /** For a file added on this device: the upload's state (reason: a FileRejectReason code). */
  readonly upload: { readonly status: 'pending' | 'done' | 'rejected'; readonly sentBytes: number; readonly reason: string | null } | null
}

export interface AttachmentList {
  readonly items: readonly Attachment[]
  /** The record is pinned for offline work: its files are downloaded ahead of time. */
  readonly pinned: boolean
}

export interface FileTransferView {
  readonly sha256: string
  readonly fileName: string
  readonly direction: 'up' | 'down'
  readonly status: 'pending' | 'active' | 'rejected'
  readonly doneBytes: number
  readonly sizeBytes: number
  readonly reason: string | null
}

/**
 * How main showed the file: opened with the OS's default application (Electron), saved to disk (programs and unknown
 * content, never opened directly), or handed to the renderer to download (the web harness).
 */
export type OpenResult =
  | { readonly kind: 'opened' }
  | { readonly kind: 'saved'; readonly path: string | null }
  | { readonly kind: 'download'; readonly fileName: string; readonly mimeType: string; readonly base64: string }

export interface FileSettings {
  /** Bytes of files in scope kept on this device ahead of time. */
  readonly prefetchBudgetBytes: number
}

export type { AttachmentEntityType }
