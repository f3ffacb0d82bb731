/** Builds what the harness serves: the renderer (same vite config as electron-vite) and the window.crm bridge. */
import path from 'node:path'
import { build, type Rolldown } from 'vite'
import { rendererViteConfig } from '../../electron.vite.config'

const repoRoot = path.resolve(import.meta.dirname, '../..')

export async function buildRenderer(outDir: string): Promise<void> {
  const config = rendererViteConfig()
  await build({
    ...config,
    configFile: false,
    base: './',
    mode: 'production',
    logLevel: 'warn',
    build: { ...config.build, outDir, emptyOutDir: true },
  })
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
