/**
 * The bench's spawned sync server: the real CLI (`sync-server serve`) in a process of its own, as in production, so
 * its work overlaps the devices' instead of sharing their event loop, and its memory and CPU are its own.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { spawnServerProcess, type ServerProcess } from '../../sync-server/test/support'

/**
 * spawnServerProcess; with BENCH_PROFILE_DIR=<dir> the server runs under `node --cpu-prof` and writes a V8 CPU profile
 * there when it stops (open it in Chrome DevTools; Node refuses --cpu-prof in NODE_OPTIONS). With
 * BENCH_QUERY_COUNTS=<file> it counts its PostgreSQL statements by text and writes them there on exit
 * (query-counter.mjs). With BENCH_PG_SOCKET=<dir> (e.g. /var/run/postgresql) it reaches PostgreSQL through the Unix
 * socket in <dir> instead of TCP (same database and user).
 */
export function spawnBenchServer(env: Record<string, string>, { timeoutMs = 60_000, cwd }: { timeoutMs?: number; cwd?: string } = {}): Promise<ServerProcess> {
  const dir = process.env.BENCH_PROFILE_DIR
  const counts = process.env.BENCH_QUERY_COUNTS
  const nodeArgs = [
    ...(dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []),
    ...(counts ? ['--import', fileURLToPath(new URL('./query-counter.mjs', import.meta.url))] : []),
  ]
  const socket = process.env.BENCH_PG_SOCKET
  const serverEnv: Record<string, string> = { ...env }
  if (socket && env.DATABASE_URL) serverEnv.DATABASE_URL = overSocket(env.DATABASE_URL, socket)
  if (counts) serverEnv.BENCH_QUERY_COUNTS = counts
  return spawnServerProcess(serverEnv, { timeoutMs, nodeArgs, ...(cwd ? { cwd } : {}) })
}

/** The same database URL through the Unix socket in `dir` (pg reads `host` from the query string). */
export function overSocket(url: string, dir: string): string {
  const parsed = new URL(url)
  const user = parsed.username ? `${parsed.username}${parsed.password ? `:${parsed.password}` : ''}@` : ''
  return `${parsed.protocol}//${user}${parsed.pathname}?host=${encodeURIComponent(dir)}`
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
