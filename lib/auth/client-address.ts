// The address the per-address sign-in limit counts (lib/auth/sign-in.ts).
//
// Next.js gives route handlers no socket address, and its own server only fills X-Forwarded-For
// when a request arrives without one (see the note in the README's trusted-proxy section), so
// that header alone is whatever the client chose. The server entry therefore sets
// `x-smarthub-peer` to the socket's peer address (dropping any sent by the client) before Next
// sees the request; behind N trusted proxies the address is the one the outermost trusted proxy
// saw, the N-th X-Forwarded-For entry from the right (entries further left are the client's own).

/** Request header the server entry sets to the socket's peer address; a client's own is dropped. */
export const PEER_HEADER = 'x-smarthub-peer';

/** The number of trusted reverse proxies in front of the app (env TRUSTED_PROXY_HOPS, default 0). */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUSTED_PROXY_HOPS?.trim();
  if (!raw) return 0;
  const hops = Number(raw);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10, not "${raw}"`);
  return hops;
}

const MAX_ADDRESS_LENGTH = 100;

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed && trimmed.length <= MAX_ADDRESS_LENGTH ? trimmed : null;
}

/**
 * The client's address: with no trusted proxy (hops = 0) the socket's peer; with N, the N-th
 * X-Forwarded-For entry from the right, or the peer when the list is shorter (a request that
 * reached the app without passing every proxy). Never a value the client alone controls.
 */
export function clientAddress(headers: Headers, hops: number): string {
  const peer = clean(headers.get(PEER_HEADER)) ?? 'unknown';
  if (hops <= 0) return peer;
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return (forwarded.length >= hops ? clean(forwarded[forwarded.length - hops]) : null) ?? peer;
}
