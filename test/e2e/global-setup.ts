/**
 * Builds the production renderer once per e2e run and hands its folder to every test file through CRM_RENDERER_DIR
 * (startHarness serves it instead of building its own). Workers are started after this runs, so they inherit it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildRenderer } from '../../scripts/harness/build'

export default async function setup(): Promise<() => void> {
  if (process.env.CRM_RENDERER_DIR) return () => undefined
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-e2e-renderer-'))
  await buildRenderer(dir)
  process.env.CRM_RENDERER_DIR = dir
  return () => {
    delete process.env.CRM_RENDERER_DIR
    rmSync(dir, { recursive: true, force: true })
  }
}
