import { getOpenDatabase } from './client';

export async function openAtStartup(): Promise<void> {
  try {
    const open = await getOpenDatabase();
    console.log(`[smarthub] database ready (${open.kind})`);
  } catch (error) {
    console.error(`[smarthub] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
