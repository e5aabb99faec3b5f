// `npm run db:seed`: loads the demo data into the configured database (DATABASE_URL or embedded).
import { openConfiguredDatabase } from './client';
import { seedDemoDataOnce } from './seed';

const open = await openConfiguredDatabase();
try {
  const loaded = await seedDemoDataOnce(open.db);
  console.log(loaded ? 'Demo data loaded.' : 'The database already holds data; nothing was loaded.');
} finally {
  await open.close();
}
