// NAPT per port (I-2, revised after IIJ's Smart HUB specification): each NAPT session add-on is
// assigned to one public cloud port, 1 to 8 per port; and the notice that a change of a port's
// NAPT total across a threshold stops the port for about five minutes (§2, a notice, not a refusal).
import { NAPT_PER_PORT_LIMIT, isPublicCloud } from './catalog';
import type { Change, ContractState, NewOption, OptionState, Speed } from './types';

/** Ports of 1G or less stop at more thresholds (§2). */
const UP_TO_1G: readonly Speed[] = ['100M', '300M', '500M', '1G'];
const THRESHOLDS_UP_TO_1G: readonly number[] = [500_000, 1_000_000, 2_000_000, 3_000_000];
const THRESHOLDS_ANY: readonly number[] = [2_000_000, 3_000_000];

function assertSessions(field: string, n: number): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${field}: not a non-negative whole number of sessions (${String(n)})`);
  }
  return n;
}

/**
 * §2: whether moving a port's NAPT total from `totalSessionsBefore` to `totalSessionsAfter`
 * stops the port for about five minutes: across 500,000 or 1,000,000 on a port of 1G or less,
 * across 2,000,000 or 3,000,000 on any port. Across T: one total is above T and the other is not.
 */
export function naptChangeInterrupts(portSpeed: Speed, totalSessionsBefore: number, totalSessionsAfter: number): boolean {
  const before = assertSessions('totalSessionsBefore', totalSessionsBefore);
  const after = assertSessions('totalSessionsAfter', totalSessionsAfter);
  const thresholds = UP_TO_1G.includes(portSpeed) ? THRESHOLDS_UP_TO_1G : THRESHOLDS_ANY;
  return thresholds.some((t) => before > t !== after > t);
}

/** The total sessions of NAPT add-ons (what a form shows as the customer picks sizes). */
export function totalSessions(sessions: readonly number[]): number {
  return sessions.reduce((sum, n, i) => sum + assertSessions(`sessions[${i}]`, n), 0);
}

export interface PortNapt {
  naptIds: string[];
  totalSessions: number;
}

/** Each port's NAPT add-ons and their total sessions, keyed by the port's id (a port with none is absent). */
export function naptByPort(options: readonly Pick<OptionState, 'id' | 'kind' | 'portId' | 'sessions'>[]): Map<string, PortNapt> {
  const byPort = new Map<string, PortNapt>();
  for (const o of options) {
    if (o.kind !== 'napt' || typeof o.portId !== 'string') continue;
    const entry = byPort.get(o.portId) ?? { naptIds: [], totalSessions: 0 };
    entry.naptIds.push(o.id);
    entry.totalSessions += o.sessions ?? 0;
    byPort.set(o.portId, entry);
  }
  return byPort;
}

/** The ports a new NAPT may be offered: public cloud ports with no scheduled end holding fewer than eight. */
export function naptEligiblePorts(state: ContractState): string[] {
  const byPort = naptByPort(state.options);
  return state.options
    .filter((o) => o.kind === 'cloud_port' && isPublicCloud(o.cloudType) && o.endsOn === undefined)
    .filter((o) => (byPort.get(o.id)?.naptIds.length ?? 0) < NAPT_PER_PORT_LIMIT)
    .map((o) => o.id);
}

export interface NaptInterruption {
  portId: string;
  speed: Speed;
  sessionsBefore: number;
  sessionsAfter: number;
}

/**
 * The ports the contract already holds whose NAPT total `change` moves across a threshold: NAPT
 * added to a held port, or a NAPT cancelled. None for a port added by the same change (it is not
 * running yet), for cancelling a port (it stops anyway) or the contract, or for a speed or item
 * change (NAPT totals do not move). Pending ports and NAPT count as held, as in checkChange.
 */
export function naptInterruptions(state: ContractState, change: Change): NaptInterruption[] {
  const delta = new Map<string, number>();
  const add = (portId: string | undefined, sessions: number | undefined, sign: 1 | -1) => {
    if (typeof portId !== 'string' || typeof sessions !== 'number') return;
    delta.set(portId, (delta.get(portId) ?? 0) + sign * sessions);
  };
  const added = (options: NewOption[]) => {
    const refs = new Set(options.map((o) => o.ref).filter((r) => typeof r === 'string'));
    for (const o of options) if (o.kind === 'napt' && typeof o.portId === 'string' && !refs.has(o.portId)) add(o.portId, o.sessions, 1);
  };
  if (change.type === 'add_option') added([change.option]);
  else if (change.type === 'add_options') added(change.options);
  else if (change.type === 'cancel_option') {
    const target = state.options.find((o) => o.id === change.optionId);
    if (target?.kind === 'napt' && target.endsOn === undefined) add(target.portId, target.sessions, -1);
  }
  const byPort = naptByPort(state.options);
  return [...delta].flatMap(([portId, change]) => {
    const port = state.options.find((o) => o.id === portId && o.kind === 'cloud_port');
    if (!port?.speed) return [];
    const before = byPort.get(portId)?.totalSessions ?? 0;
    const after = Math.max(0, before + change);
    return naptChangeInterrupts(port.speed, before, after) ? [{ portId, speed: port.speed, sessionsBefore: before, sessionsAfter: after }] : [];
  });
}
