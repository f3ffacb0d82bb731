/**
 * Builds the production renderer and the harness bridge once per e2e run and hands their folder to every test file
 * through CRM_RENDERER_DIR (startHarness serves it instead of building its own, and never imports vite). Workers are
 * started after this runs, so they inherit it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { BRIDGE_FILE } from '../../scripts/harness/assets'
import { buildBridge, buildRenderer } from '../../scripts/harness/build'

export default async function setup(): Promise<() => void> {
  if (process.env.CRM_RENDERER_DIR) return () => undefined
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-e2e-renderer-'))
  await buildRenderer(dir)
  writeFileSync(path.join(dir, BRIDGE_FILE), await buildBridge())
  process.env.CRM_RENDERER_DIR = dir
  return () => {
    delete process.env.CRM_RENDERER_DIR
    rmSync(dir, { recursive: true, force: true })
  }
}
