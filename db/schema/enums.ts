import { pgEnum } from 'drizzle-orm/pg-core';

/** admin: changes; billing: statements and SLA claims, no contract changes; viewer: reads only. */
export const customerRole = pgEnum('customer_role', ['admin', 'viewer', 'billing']);
/** 運用管理担当者 (operations) and 障害時連絡先 (failure: who App. 1 §2's outage notices go to). */
export const contactKind = pgEnum('contact_kind', ['operations', 'failure']);
export const notificationChannel = pgEnum('notification_channel', ['inbox', 'email']);
export const deliveryStatus = pgEnum('delivery_status', ['pending', 'sent', 'failed']);
export const staffRole = pgEnum('staff_role', ['support', 'operator']);
export const pbbStatus = pgEnum('pbb_status', ['active', 'ended']);
/** A Smart HUB contract or an option: applied → accepted → active → ended. */
export const serviceStatus = pgEnum('service_status', ['applied', 'accepted', 'active', 'ended']);
export const optionKind = pgEnum('option_kind', [
  'onprem_port',
  'cloud_port',
  'napt',
  'pbb_expansion',
  'firewall',
  'static_nat',
]);
/** Lifecycle of applications and change requests. */
export const requestStatus = pgEnum('request_status', [
  'submitted',
  'accepted',
  'completed',
  'withdrawn',
  'rejected',
]);
export const cancellationStatus = pgEnum('cancellation_status', ['pending', 'withdrawn', 'effective']);
export const claimStatus = pgEnum('claim_status', ['submitted', 'approved', 'rejected']);
export const impersonationMode = pgEnum('impersonation_mode', ['view', 'act']);
export const actorType = pgEnum('actor_type', ['customer_user', 'staff_user', 'system']);
