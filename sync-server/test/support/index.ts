/** Test support for sync-server tests (real PostgreSQL + Redis). See sync-server/README.md § Tests. */
export { createTestDatabase, TEST_PG_ADMIN_URL, type TestDatabase } from './database'
export { createTestRedisPrefix, TEST_REDIS_URL, type TestRedisPrefix } from './redis'
export {
  freePort,
  spawnServerProcess,
  startTestServer,
  REPO_ROOT,
  testConfig,
  TEST_AUTH_SECRET,
  type ServerProcess,
  type TestServer,
  type TestServerOptions,
} from './server'
export { createSignedInUser, createUser, DEFAULT_TEST_PASSWORD, login, type LoginResponse, type TestSession, type TestUser } from './users'
export { readSse, type SseEvent, type SseReader } from './sse'
