import { forbidden } from 'next/navigation';
import { ForbiddenError, requireStaff } from '@/lib/auth/guard';

/**
 * The guard of every operator page: `requireStaff('operator')`, with a support member shown the
 * "forbidden" page (403) rather than an error. Customers get "not found", as on every staff page.
 */
export async function requireOperatorPage() {
  try {
    return await requireStaff('operator');
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
}
