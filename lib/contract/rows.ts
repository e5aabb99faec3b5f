// The row types of a contract and its options, as drizzle reads them.
import type { applications, cancellationNotices, changeRequests, options, smarthubContracts } from '@/db/schema';

export type OptionRow = typeof options.$inferSelect;
export type ContractRow = typeof smarthubContracts.$inferSelect;
export type ApplicationRow = typeof applications.$inferSelect;
export type ChangeRequestRow = typeof changeRequests.$inferSelect;
export type NoticeRow = typeof cancellationNotices.$inferSelect;
