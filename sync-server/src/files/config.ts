/**
 * File settings from the environment (sync-server/README.md § Files): where blobs live, how large a file may be and
 * how fast one device may upload. Parsed with the rest of the configuration at start-up.
 */
import { z } from 'zod'
import { DEFAULT_MAX_FILE_BYTES } from '../../../src/shared/files/limits'

export type FileStorageConfig = { readonly kind: 'postgres' } | { readonly kind: 'filesystem'; readonly dir: string }

export interface FileConfig {
  readonly storage: FileStorageConfig
  /** Largest file accepted (FILES_MAX_SIZE, default 50mb). */
  readonly maxBytes: number
  /** Upload bytes one device may send per minute (FILES_UPLOAD_RATE, default 300mb). */
  readonly uploadBytesPerMinute: number
}

export const DEFAULT_FILE_CONFIG: FileConfig = {
  storage: { kind: 'postgres' },
  maxBytes: DEFAULT_MAX_FILE_BYTES,
  uploadBytesPerMinute: 300 * 1024 * 1024,
}

const SIZE = /^(\d+)\s*(b|kb|mb|gb)?$/i
const UNITS = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 } as const

const size = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text === '') return fallback
      const match = SIZE.exec(text.trim())
      const bytes = match ? Number(match[1]) * UNITS[(match[2]?.toLowerCase() ?? 'b') as keyof typeof UNITS] : 0
      if (bytes <= 0) {
        ctx.addIssue({ code: 'custom', message: 'must be a size such as 50mb, 512kb or 1048576' })
        return z.NEVER
      }
      return bytes
    })

export const fileEnvSchema = z.object({
  FILES_STORAGE: z.enum(['postgres', 'filesystem']).default('postgres'),
  FILES_DIR: z.string().optional(),
  FILES_MAX_SIZE: size(DEFAULT_FILE_CONFIG.maxBytes),
  FILES_UPLOAD_RATE: size(DEFAULT_FILE_CONFIG.uploadBytesPerMinute),
})

/** Throws a plain Error naming the bad variable; config.ts wraps it in its ConfigError. */
export function fileConfigFrom(env: Readonly<Record<string, string | undefined>>): FileConfig {
  const parsed = fileEnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')))
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `  ${i.path.join('.')} ${i.message}`).join('\n'))
  const e = parsed.data
  if (e.FILES_STORAGE === 'filesystem' && !e.FILES_DIR) throw new Error('  FILES_DIR is required when FILES_STORAGE=filesystem')
  return {
    storage: e.FILES_STORAGE === 'filesystem' ? { kind: 'filesystem', dir: e.FILES_DIR! } : { kind: 'postgres' },
    maxBytes: e.FILES_MAX_SIZE,
    uploadBytesPerMinute: e.FILES_UPLOAD_RATE,
  }
}
