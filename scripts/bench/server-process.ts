/**
 * The bench's spawned sync server: the real CLI (`sync-server serve`) in a process of its own, as in production, so
 * its work overlaps the devices' instead of sharing their event loop, and its memory and CPU are its own.
 */
import { readFileSync } from 'node:fs'
import { spawnServerProcess, type ServerProcess } from '../../sync-server/test/support'

/**
 * spawnServerProcess; with BENCH_PROFILE_DIR=<dir> the server runs under `node --cpu-prof` and writes a V8 CPU profile
 * there when it stops (open it in Chrome DevTools; Node refuses --cpu-prof in NODE_OPTIONS).
 */
export function spawnBenchServer(env: Record<string, string>, { timeoutMs = 60_000 }: { timeoutMs?: number } = {}): Promise<ServerProcess> {
  const dir = process.env.BENCH_PROFILE_DIR
  return spawnServerProcess(env, { timeoutMs, ...(dir ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] } : {}) })
}

/**
 * CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat; null where there is none (not Linux).
 * Synchronous on purpose: read right after a pull, an await would let timers the pull left (the search_grams fill) run
 * first.
 */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // After the command name (in parentheses, may hold spaces): state is field 3, utime and stime fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[11]) + Number(fields[12])
    // USER_HZ is 100 on every Linux Node runs on.
    return Number.isFinite(ticks) ? ticks * 10 : null
  } catch {
    return null
  }
}
