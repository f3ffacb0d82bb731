import { accessSync, constants, mkdirSync } from 'node:fs'
import { configDefaults, defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

// Three kinds of tests, one runner:
// - unit: pure shared rules and the Electron-free local core (real SQLite files, no network).
// - server: the sync server against the real PostgreSQL and Redis on this machine (each file gets its own database).
// - e2e: the renderer in headless Chromium through the dev harness (each file its own harness port, temp dir and
//   browser).
//
// Time (docs/benchmarks.md § Test suite time): vitest's default is one worker per core minus one, so on the 2-core CI
// machine every file ran alone, one after another, while most of them wait on PostgreSQL, the network or Chromium.
// Two workers run two unit or server files at a time (own database, Redis prefix, port and temp dir each); browser
// files run one at a time, beside them (see the e2e project and scripts/test.sh).

/**
 * Temporary files (device replicas, harness databases, Chromium profiles) on a RAM file system when the machine has
 * one. The device commits with `synchronous = FULL`, and on the CI machine's shared virtual disk every fsync costs
 * 4–12 ms: a one-row push + pull took 108 + 50 ms there against 63 + 23 ms on /dev/shm. Nothing a test checks depends
 * on the disk: SQLite, its WAL and the app's fsync calls all run as in production, only the flush is free. Set
 * CRM_TEST_TMPDIR to choose the directory (CRM_TEST_TMPDIR=/tmp: the old behaviour). Workers, the global setup and the
 * processes tests spawn inherit TMPDIR, which os.tmpdir() reads.
 */
function testTmpdir(): string | undefined {
  if (process.env.CRM_TEST_TMPDIR) return process.env.CRM_TEST_TMPDIR
  try {
    accessSync('/dev/shm', constants.W_OK)
    const dir = '/dev/shm/crm-augu-tests'
    mkdirSync(dir, { recursive: true })
    return dir
  } catch {
    return undefined
  }
}
const tmp = testTmpdir()
if (tmp) process.env.TMPDIR = tmp

/** Unit files that assert a throughput: they run on their own (project unit-alone). */
const ALONE_FILES = ['src/main/core/sync/apply-rate.test.ts', 'src/main/core/dashboard/dashboard.test.ts']
/**
 * Unit files that replace a module (`vi.mock`): they run isolated (project unit-mocked), so their stand-in never
 * reaches another file of the worker (the other Node files share their modules, see `isolate: false` below).
 */
const MOCKING_FILES = ['test/unit/window-security.test.ts', 'test/unit/open-failure-window.test.ts']

/**
 * Repository-relative paths of the files that take minutes on their own, longest first (the two CLI files spawn the
 * real `sync-server` command many times).
 */
const LONG_RUNNING_FILES = [
  'test/integration/convergence.test.ts',
  'test/integration/bench-smoke.test.ts',
  'sync-server/src/ops/ops-cli.test.ts',
  'sync-server/src/cli.test.ts',
]

const longRank = (spec: TestSpecification): number => LONG_RUNNING_FILES.findIndex((file) => spec.moduleId.replaceAll('\\', '/').endsWith(`/${file}`))

/**
 * The order files start in. The run ends when its last file ends, so the Node files that take minutes start first (on
 * a clean CI clone vitest starts larger files first, and these are small: they started late and ran alone at the end).
 * Otherwise vitest's order is kept (with a results cache: failed first, then longest first).
 */
class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const long = sorted.filter((spec) => longRank(spec) >= 0).sort((a, b) => longRank(a) - longRank(b))
    return [...long, ...sorted.filter((spec) => longRank(spec) < 0)]
  }
}

export default defineConfig({
  test: {
    // Two Node files at a time: they mostly wait on PostgreSQL, fsync or the network. Not more: the tests share the two
    // cores with PostgreSQL, Redis and Chromium (a third worker made a loaded run slower: 1,372 s against 1,212 s, and
    // timed out two files). VITEST_MAX_WORKERS overrides it.
    maxWorkers: 2,
    sequence: { sequencer: LongFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'drizzle/**/*.test.ts', 'test/unit/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...ALONE_FILES, ...MOCKING_FILES],
          // Modules are kept from one file to the next in a worker (as in the e2e project): importing them afresh
          // per file took 136 s summed over the unit and server files of a CI run, against 13 s kept. No file of
          // these two projects replaces a module (those are in unit-mocked) or leaves a global changed.
          isolate: false,
          // Beside another file on a loaded 2-core machine, CPU-heavy unit tests (demo data generation, PRNG bounds)
          // took 2.5–3.7 s alone and passed the default 5 s: a timeout is for hangs, not for a busy neighbour.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'unit-mocked',
          environment: 'node',
          include: [...MOCKING_FILES],
          testTimeout: 30_000,
        },
      },
      {
        // Tests that assert a speed run alone, after the others (fileParallelism: false puts them in vitest's
        // sequential group): beside another file the apply rate measured 24k rows/s against its 40k floor, and the
        // dashboard's fastest of five 111 ms against its 100 ms.
        test: {
          name: 'unit-alone',
          environment: 'node',
          include: [...ALONE_FILES],
          fileParallelism: false,
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          isolate: false,
          include: ['sync-server/**/*.test.ts', 'test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          // One browser file at a time, in one worker that keeps its imported modules (device core, Playwright,
          // harness: 3–6 s per file) from one file to the next — the files start their own Chromium, harness and
          // servers and share no module state. Two at once (two Chromiums, two harnesses) lost a keystroke or a search
          // result in about one in three full runs on the 2-core CI machine. In a run of every project the browser
          // files come after the others (groupOrder 1); `npm test` runs them in a vitest process of their own beside
          // the Node files (scripts/test.sh).
          maxWorkers: 1,
          isolate: false,
          sequence: { groupOrder: 1 },
          // A browser wait on the loaded CI machine can miss (a keystroke before focus, a search result late); one
          // retry of that test keeps CI honest about real failures, which fail twice.
          retry: 1,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
})
