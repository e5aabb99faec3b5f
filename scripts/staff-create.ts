// `npm run staff:create -- --email a@example.com --name "Name" --role operator|support`: creates a
// staff user on the configured database (DATABASE_URL, or the embedded one) and prints a one-time
// enrolment link, where the member sets a password and an authenticator. So a real installation
// needs no demo account. The user is created with no usable password; the link is valid 72 hours.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openConfiguredDatabase, type OpenDatabase } from '../db/client';
import { DatabaseLockedError } from '../db/lock';
import { createStaffMember } from '../lib/auth/enrolment';

export interface StaffCreateDeps {
  open: () => Promise<OpenDatabase>;
  now?: () => Date;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

const USAGE = 'Usage: npm run staff:create -- --email <address> --name "<full name>" --role operator|support';

const argsSchema = z.object({
  email: z.string().trim().max(254).pipe(z.email()),
  name: z.string().trim().min(1).max(100),
  role: z.enum(['operator', 'support']),
});

/** Runs the command; returns the exit code (0 done, 1 refused or failed). */
export async function staffCreate(argv: string[], deps: StaffCreateDeps): Promise<number> {
  const out = deps.out ?? ((line: string) => console.log(line));
  const err = deps.err ?? ((line: string) => console.error(line));
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } }, strict: true }));
  } catch (error) {
    err(`[staff:create] ${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => `--${String(i.path[0] ?? '?')}`))].join(', ');
    err(`[staff:create] Missing or invalid: ${fields}. Nothing was created.\n${USAGE}`);
    return 1;
  }
  let open: OpenDatabase;
  try {
    open = await deps.open();
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      err(
        `[staff:create] The embedded database is in use by a running server (PID ${error.ownerPid}). ` +
          'Stop the server (the other `npm start`) and run this again, or set DATABASE_URL. Nothing was created.',
      );
      return 1;
    }
    err(`[staff:create] Could not open the database: ${(error as Error).message}. Nothing was created.`);
    return 1;
  }
  try {
    const result = await createStaffMember(open.db, { ...parsed.data, by: null }, deps.now?.() ?? new Date());
    if (!result.ok) {
      err(`[staff:create] ${parsed.data.email} is already used by a customer user or a staff user. Nothing was created.`);
      return 1;
    }
    out(`[staff:create] Created ${parsed.data.role} ${parsed.data.name} <${parsed.data.email.toLowerCase()}>.`);
    out(`[staff:create] One-time enrolment link (valid until ${result.expiresAt.toISOString()}; it is not shown again):`);
    out(result.link);
    return 0;
  } finally {
    await open.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await staffCreate(process.argv.slice(2), { open: openConfiguredDatabase });
}
