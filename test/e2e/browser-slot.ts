/**
 * Setup file of the e2e project: a browser file holds one of BROWSER_SLOTS slots for its whole run, so at most that
 * many Chromiums (each with its harness, and often a sync server) run at once while the Node-only files keep the
 * other workers busy.
 *
 * Why not `fileParallelism: false`: vitest puts such a project in a sequential group that starts only after every
 * parallel file has ended (`groupSpecs` in vitest 4), so the run was the unit + server files PLUS every browser file
 * one after another. With this slot the browser files run beside the Node files instead.
 *
 * A slot is a file created with O_EXCL in the run's lock directory, holding the owner's pid; a slot whose owner
 * process is gone (a crashed worker) is taken over. Waiting polls: files take seconds to minutes, so 50 ms is cheap.
 */
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'

/** Two Chromiums at once lost keystrokes on the 2-core CI machine (docs/benchmarks.md § Test suite time). */
const BROWSER_SLOTS = Number(process.env.CRM_BROWSER_SLOTS ?? 1)
/** Made by the e2e global setup for the run; a file run some other way falls back to one per parent process. */
const LOCK_DIR = process.env.CRM_BROWSER_LOCK_DIR ?? path.join(tmpdir(), `crm-e2e-browser-slots-${process.ppid}`)

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function tryTake(slot: string): boolean {
  try {
    const fd = openSync(slot, 'wx')
    writeSync(fd, String(process.pid))
    closeSync(fd)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    const owner = Number(readFileSync(slot, 'utf8') || NaN)
    // A slot written a moment ago may still be empty (NaN): leave it to its writer.
    if (Number.isInteger(owner) && owner !== process.pid && !alive(owner)) rmSync(slot, { force: true })
    return false
  }
}

async function takeSlot(): Promise<string> {
  mkdirSync(LOCK_DIR, { recursive: true })
  const slots = Array.from({ length: BROWSER_SLOTS }, (_, i) => path.join(LOCK_DIR, `slot-${i}`))
  for (;;) {
    for (const slot of slots) if (tryTake(slot)) return slot
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const held = await takeSlot()
const release = (): void => rmSync(held, { force: true })
process.once('exit', release)
afterAll(release)
