/**
 * Wires the local core of one device: bookkeeping, clock, writer, sync engine, loop, status, session and the live
 * event stream. The Electron layer and the tests build the device the same way; only the token store, fetch and
 * timers differ.
 */
import { createDeviceClock, type DeviceClock } from './clock'
import { createConflictActions, type ConflictActions } from './outbox/conflicts'
import { createOutboxStore, type OutboxStore } from './outbox/outbox-store'
import { createWriter, type Writer } from './outbox/writer'
import { createReplicaStatements } from './replica/statements'
import { type TableRegistry } from './replica/table-meta'
import { createSession, ensureDeviceId, type Session } from './session'
import { type Sqlite } from './sqlite'
import { createDeviceState, type DeviceState } from './state'
import { createSyncEngine, type PageReport, type SyncEngine } from './sync/engine'
import { isSyncError } from './sync/errors'
import { createSyncLoop, type SyncLoop, type SyncLoopOptions } from './sync/loop'
import { replicaDir, watchFreeSpace } from './sync/disk-guard'
import { createPokeChaser } from './sync/poke-chase'
import { createStatusCounter, createSyncStatusStore, type SyncStatusStore } from './sync/status'
import { realTimers, type Timers } from './sync/timers'
import { type TokenStore } from './sync/tokens'
import { createTransport, type EventSubscription, type Transport } from './sync/transport'
import { type ChangeNotice } from '../../shared/ipc/live'
import { createStatisticsUpkeep } from '../db/statistics'

export interface DeviceCoreOptions {
  readonly sqlite: Sqlite
  readonly registry: TableRegistry
  readonly tokens: TokenStore
  readonly fetch?: typeof fetch
  readonly timers?: Timers
  readonly random?: () => number
  /** Wall clock for the HLC (tests skew it). */
  readonly now?: () => number
  readonly loop?: Pick<SyncLoopOptions, 'debounceMs' | 'periodMs' | 'backoff'>
  /** Listen for server pokes over SSE while signed in (default true). */
  readonly liveEvents?: boolean
  readonly pushBatchSize?: number
  readonly pullLimit?: number
  /** See SyncEngineOptions (tests on a small tmpfs lower them). */
  readonly firstSyncMinFreeBytes?: number
  readonly walBoundBytes?: number
  /** How often free space is looked at while sync is paused by a full disk (default 5 s). */
  readonly freeSpacePollMs?: number
  /** Replace the HTTP transport (unit tests use an in-memory server). */
  readonly transportFactory?: (serverUrl: string, tokens: TokenStore) => Transport
  /**
   * The server answered 410 device_wiped (an administrator revoked this device with wipe). Called once; syncing has
   * stopped. The owner of the files (src/main/device.ts) erases the replica, its key and the tokens.
   */
  readonly onDeviceWiped?: () => void
}

export interface DeviceCore {
  readonly sqlite: Sqlite
  readonly registry: TableRegistry
  readonly state: DeviceState
  readonly clock: DeviceClock
  readonly outbox: OutboxStore
  readonly writer: Writer
  readonly conflicts: ConflictActions
  readonly engine: SyncEngine
  readonly loop: SyncLoop
  readonly status: SyncStatusStore
  readonly session: Session
  /** The server tokens (main process only): the admin client (core/admin/online.ts) calls the server with them. */
  readonly tokens: TokenStore
  /** The network the transport uses (tests inject the harness's), for other authenticated calls to the same server. */
  readonly fetch: typeof fetch
  /** Start syncing (if someone is signed in or opened offline) and keep going; sign-in starts it too. */
  start(): void
  /** Stop timers and the event stream, wait for a running sync. Does not close the database. */
  stop(): Promise<void>
  /** Sync now and wait for it (and any sync it queued) to finish; rejects when it failed. */
  syncNow(): Promise<void>
  /** Hear about pulled pages (the UI refreshes the tables named). */
  onPulled(listener: (report: PageReport) => void): () => void
  /** Hear about each successful sync (the file transfer loop, core/files, starts its pass). */
  onSynced(listener: () => void): () => void
  /**
   * The change stream (docs/architecture.md §8, "The change stream"): one notice after every committed local write (writer transaction)
   * and every applied pull page. Main forwards it to the renderer, whose stores reload the tables they read.
   */
  onChanges(listener: (notice: ChangeNotice) => void): () => void
  /** Tell the stream about a write that bypassed the writer (demo seeding, leaving the demo). */
  announceChanges(notice: ChangeNotice): void
}

export function createDeviceCore(options: DeviceCoreOptions): DeviceCore {
  const { sqlite, registry, tokens } = options
  const timers = options.timers ?? realTimers
  const state = createDeviceState(sqlite)
  const clock = createDeviceClock(state, { deviceId: ensureDeviceId(state), now: options.now })
  const outbox = createOutboxStore(sqlite, state)
  const statements = createReplicaStatements(sqlite)
  const status = createSyncStatusStore(createStatusCounter(sqlite, state, outbox))
  const pulledListeners = new Set<(report: PageReport) => void>()
  const syncedListeners = new Set<() => void>()
  const changeListeners = new Set<(notice: ChangeNotice) => void>()
  // The planner's statistics follow what syncs bring (a first sync fills tables that were empty at open).
  const statistics = createStatisticsUpkeep(sqlite, () => timers.now())
  pulledListeners.add((report) => statistics.rowsApplied(report.upserted + report.removed))
  syncedListeners.add(() => statistics.synced())
  const announce = (notice: ChangeNotice): void => {
    for (const listener of changeListeners) {
      try {
        listener(notice)
      } catch {
        // A UI listener must not fail a committed write or page.
      }
    }
  }
  let active = false
  let events: EventSubscription | null = null
  let direct: Promise<void> | null = null

  let wiped = false
  const deviceWiped = (): void => {
    if (wiped) return
    wiped = true
    active = false
    pokeChase.stop()
    disconnectEvents()
    void loop?.stop()
    options.onDeviceWiped?.()
  }

  const makeTransport = (serverUrl: string): Transport =>
    options.transportFactory?.(serverUrl, tokens) ??
    createTransport({
      baseUrl: serverUrl,
      tokens,
      fetch: options.fetch,
      timers,
      random: options.random,
      deviceId: () => state.get('device_id'),
      onDeviceWiped: deviceWiped,
    })

  // The loop is created below; writes before start() only update the status.
  let loop: SyncLoop | null = null

  const writer = createWriter(sqlite, clock, state, {
    registry,
    outbox,
    statements,
    onChange: (event) => {
      status.refreshCounts()
      loop?.notifyLocalChange()
      announce(event.ids ? { source: 'local', tables: event.tables, ids: event.ids } : { source: 'local', tables: event.tables })
    },
  })

  const session: Session = createSession({
    sqlite,
    state,
    outbox,
    clock,
    registry,
    createTransport: makeTransport,
    onSignedIn: () => {
      if (!active) return
      // start() syncs at once; a loop paused by an expired session resumes (and syncs) instead.
      loop?.start()
      if (loop?.state.paused) loop.resume()
      connectEvents()
    },
    onSignedOut: () => {
      pokeChase.stop()
      disconnectEvents()
      void loop?.stop()
    },
  })

  const engine = createSyncEngine({
    sqlite,
    registry,
    state,
    clock,
    outbox,
    statements,
    pushBatchSize: options.pushBatchSize,
    pullLimit: options.pullLimit,
    ...(options.firstSyncMinFreeBytes === undefined ? {} : { firstSyncMinFreeBytes: options.firstSyncMinFreeBytes }),
    ...(options.walBoundBytes === undefined ? {} : { walBoundBytes: options.walBoundBytes }),
    // Resolved per call: the server URL can change at sign-in.
    transport: { push: (request) => session.transport().push(request), pull: (request) => session.transport().pull(request) },
    onPushed: () => status.refreshCounts(),
    onPulled: (report) => {
      // The change notice first: open screens start their reloads before the status update (new counts, last sync
      // time) sets off its own reads (attachments, permissions) in the same renderer and main process.
      announce(report.ids ? { source: 'pull', tables: report.tables, ids: report.ids } : { source: 'pull', tables: report.tables })
      status.refreshCounts()
      for (const listener of pulledListeners) {
        try {
          listener(report)
        } catch {
          // A UI listener must not fail a committed page.
        }
      }
    },
  })

  const syncLoop = createSyncLoop({
    run: () => engine.syncOnce(),
    timers,
    random: options.random,
    ...options.loop,
    shouldRetry: (error) => !(isSyncError(error) && !error.retryable),
    retryAfterMs: (error) => (isSyncError(error) ? error.details.retryAfterMs : undefined),
    onStart: () => status.update({ syncing: true }),
    onSuccess: () => {
      status.succeeded()
      pokeChase.synced()
      for (const listener of syncedListeners) listener()
    },
    onError: (error, retryInMs) => {
      status.failed(error, retryInMs === null ? null : timers.now() + retryInMs)
      if (isSyncError(error, 'auth')) disconnectEvents()
      if (isSyncError(error, 'disk_full')) resumeWhenSpaceFreed(error.details.neededBytes ?? 0)
    },
  })
  // The loop pauses on a full disk (a retry would download the same page and fail again); free space resumes it.
  let stopSpaceWatch: (() => void) | null = null
  const resumeWhenSpaceFreed = (neededBytes: number): void => {
    const dir = replicaDir(sqlite)
    if (dir === null) return
    stopSpaceWatch?.()
    stopSpaceWatch = watchFreeSpace(
      dir,
      neededBytes,
      () => {
        stopSpaceWatch = null
        if (active) syncLoop.resume()
      },
      timers,
      options.freeSpacePollMs,
    )
  }
  loop = syncLoop
  // A poke's txid may be ahead of the pull horizon: keep pulling (short backoff) until the watermark passes it.
  const pokeChase = createPokeChaser({ timers, trigger: () => syncLoop.trigger('poke'), watermark: () => state.get('watermark') })

  function connectEvents(): void {
    if (options.liveEvents === false || events || !session.current()) return
    let transport: Transport
    try {
      transport = session.transport()
    } catch {
      return
    }
    events = transport.events({
      onEvent: (event) => {
        if (event.event === 'poke') pokeChase.poke((event.data as { txid?: unknown } | null)?.txid)
      },
      onOpen: () => {
        status.update({ online: true })
        // Pokes may have been missed while disconnected: every (re)connect pulls.
        syncLoop.trigger('reconnect')
      },
      onError: (error, willRetry) => {
        if (error.kind === 'offline') status.update({ online: false })
        if (!willRetry) {
          status.failed(error, null)
          events = null
        }
      },
    })
  }

  function disconnectEvents(): void {
    events?.close()
    events = null
  }

  return {
    sqlite,
    registry,
    state,
    clock,
    outbox,
    writer,
    conflicts: createConflictActions(sqlite, state, clock, writer),
    engine,
    loop: syncLoop,
    status,
    session,
    tokens,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    start() {
      active = true
      status.refreshCounts()
      if (!session.current()) return
      syncLoop.start()
      connectEvents()
    },
    async stop() {
      active = false
      stopSpaceWatch?.()
      stopSpaceWatch = null
      pokeChase.stop()
      disconnectEvents()
      await syncLoop.stop()
    },
    syncNow() {
      if (active) {
        syncLoop.trigger('manual')
        return syncLoop.idle().then(() => {
          const { lastError } = status.get()
          if (lastError) throw new Error(lastError.message)
        })
      }
      // Not started (tests, CLI, first sync after sign-in before start): run directly, still single-flight.
      direct ??= (async () => {
        status.update({ syncing: true })
        try {
          await engine.syncOnce()
          status.succeeded()
          for (const listener of syncedListeners) listener()
        } catch (error) {
          status.failed(error, null)
          throw error
        } finally {
          direct = null
        }
      })()
      return direct
    },
    onPulled(listener) {
      pulledListeners.add(listener)
      return () => {
        pulledListeners.delete(listener)
      }
    },
    onSynced(listener) {
      syncedListeners.add(listener)
      return () => {
        syncedListeners.delete(listener)
      }
    },
    onChanges(listener) {
      changeListeners.add(listener)
      return () => {
        changeListeners.delete(listener)
      }
    },
    announceChanges: announce,
  }
}
