/** drizzle-kit config for the server database. `npm run db:generate` writes drizzle/pg; never edit generated SQL. */
import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'postgresql',
  schema: './sync-server/db/schema/index.ts',
  out: './drizzle/pg',
  strict: true,
  verbose: true,
})
