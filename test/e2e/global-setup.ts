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
  // The browser slots of this run (test/e2e/browser-slot.ts): one folder per run, inherited by the workers.
  const slots = mkdtempSync(path.join(tmpdir(), 'crm-e2e-browser-slots-'))
  process.env.CRM_BROWSER_LOCK_DIR = slots
  const dropSlots = (): void => rmSync(slots, { recursive: true, force: true })
  if (process.env.CRM_RENDERER_DIR) return dropSlots
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-e2e-renderer-'))
  await buildRenderer(dir)
  writeFileSync(path.join(dir, BRIDGE_FILE), await buildBridge())
  process.env.CRM_RENDERER_DIR = dir
  return () => {
    dropSlots()
    delete process.env.CRM_RENDERER_DIR
    rmSync(dir, { recursive: true, force: true })
  }
}
