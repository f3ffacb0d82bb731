/** Builds what the harness serves: the renderer (same vite config as electron-vite) and the window.crm bridge. */
import path from 'node:path'
import { build, type Rolldown } from 'vite'
import { rendererViteConfig } from '../../electron.vite.config'

const repoRoot = path.resolve(import.meta.dirname, '../..')

/**
 * Always the production bundle users get. Vite takes NODE_ENV from the environment when it is set, and vitest sets it
 * to 'test': without this the e2e suite would test React's development build (~870 KB) that no user ever runs.
 */
export async function buildRenderer(outDir: string): Promise<void> {
  const config = rendererViteConfig()
  const previous = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({
      ...config,
      configFile: false,
      base: './',
      mode: 'production',
      logLevel: 'warn',
      build: { ...config.build, outDir, emptyOutDir: true },
    })
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = previous
  }
}

export async function buildBridge(): Promise<string> {
  const result = await build({
    configFile: false,
    root: repoRoot,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: { entry: path.join(repoRoot, 'scripts/harness/bridge.ts'), formats: ['iife'], name: 'crmHarnessBridge' },
    },
  })
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[]
  const chunk = outputs.flatMap((o) => o.output).find((item) => item.type === 'chunk')
  if (!chunk || chunk.type !== 'chunk') throw new Error('bridge build produced no chunk')
  return chunk.code
}
