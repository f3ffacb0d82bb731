/** drizzle-kit config for the device replica. `npm run db:generate` writes drizzle/sqlite; never edit generated SQL. */
import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/main/db/schema/index.ts',
  out: './drizzle/sqlite',
  strict: true,
  verbose: true,
})
