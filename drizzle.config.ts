import { defineConfig } from 'drizzle-kit';

// `drizzle-kit generate` only reads the schema; it never opens a database.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
