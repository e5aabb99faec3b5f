import type { ReactNode } from 'react';
import { requireStaff } from '@/lib/auth/guard';

/** Staff pages have their own guard: customers reaching them get "not found". */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  await requireStaff();
  return <div data-area="staff">{children}</div>;
}
