import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customerRole } from './enums';

export const customers = pgTable('customers', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** The customer code shown on invoices and quoted to support (e.g. C-000123). */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const customerUsers = pgTable(
  'customer_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    /** Stored lower-cased; unique across customer and staff users (checked on insert). */
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: customerRole('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('customer_users_customer_idx').on(t.customerId)],
);
