// `npm run db:seed [-- --demo]`: loads the demo data into the configured database (DATABASE_URL
// or the embedded one), refusing production and databases with real accounts (lib/demo/seed-command.ts).
import { openConfiguredDatabase } from '../db/client';
import { refusalBeforeOpening, SEED_REFUSALS, seedDemoOnRequest, type SeedOutcome, type SeedRefusal } from '../lib/demo/seed-command';

const request = { production: process.env.NODE_ENV === 'production', demo: process.argv.slice(2).includes('--demo') };

// A command's answer to the person who ran it, on stderr in plain words (not a server log line).
function refuse(reason: SeedRefusal): never {
  console.error(`[db:seed] Refused: ${SEED_REFUSALS[reason]}`);
  process.exit(1);
}

const early = refusalBeforeOpening(request);
if (early) refuse(early);
const open = await openConfiguredDatabase();
let result: SeedOutcome;
try {
  result = await seedDemoOnRequest(open.db, request);
} finally {
  await open.close();
}
if (!result.ok) refuse(result.reason);
console.log(result.loaded ? '[db:seed] Demo data loaded.' : '[db:seed] The demo data is already there; nothing was loaded.');
