// Building blocks of the API's answers: dates as YYYY-MM-DD (Japan calendar days, as the contract
// terms count them), instants as ISO 8601 in UTC, money as whole yen, and the enums of the records.
import { z } from 'zod';
import { OPTION_KINDS, type OptionKind } from '@/lib/rules';

/** A calendar day (Japan), YYYY-MM-DD. */
export const day = () => z.iso.date();
/** An instant, ISO 8601 in UTC. */
export const instant = () => z.iso.datetime();
/** An amount of Japanese yen, whole. */
export const yen = () => z.int();

export const optionKindSchema = z.enum(OPTION_KINDS as [OptionKind, ...OptionKind[]]).meta({
  id: 'OptionKind',
  description:
    'The kind of an option: `onprem_port` (on-premises port), `cloud_port` (cloud connection port), `napt` (NAPT add-on of a public cloud port), `pbb_expansion` (Private Backbone bandwidth expansion), `firewall`, `static_nat`.',
});

/** What the portal shows of a contract or an option on a day (lib/rules statusOn). */
export const shownStatusSchema = z.enum(['applied', 'accepted', 'active', 'ending', 'ended']).meta({
  id: 'ServiceStatus',
  description:
    'As the portal shows it today: `applied` (waiting for IIJ), `accepted` (accepted, not yet in service), `active`, `ending` (a cancellation is pending: see `endsOn`), `ended` (its last day has passed).',
});

/** Lifecycle of applications and change requests. */
export const requestStatusSchema = z.enum(['submitted', 'accepted', 'completed', 'withdrawn', 'rejected']).meta({
  id: 'RequestStatus',
  description: '`submitted` (waiting for IIJ; may still be withdrawn), `accepted`, `completed`, `withdrawn` (by the customer), `rejected` (by IIJ, with `decisionReason`).',
});

export const iso = (at: Date): string => at.toISOString();
export const isoOrNull = (at: Date | null): string | null => (at ? at.toISOString() : null);
