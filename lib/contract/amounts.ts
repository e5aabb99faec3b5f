// The amounts a review showed, bound to the confirm that follows it: the review answers a digest
// of every amount in its preview, the confirm form sends it back, and the confirm recomputes the
// preview under the contract lock and refuses ('prices_changed': review again) when the digest
// differs — a price list edited between the two steps never charges what the customer did not see.
import crypto from 'node:crypto';
import stableStringify from 'fast-json-stable-stringify';

/** Every amount of a preview (each number under a key ending in `Yen`), by its path. */
function amountsOf(value: unknown, path: string, out: Record<string, number>): Record<string, number> {
  if (Array.isArray(value)) value.forEach((v, i) => amountsOf(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === 'number' && key.endsWith('Yen')) out[`${path}.${key}`] = v;
      else amountsOf(v, `${path}.${key}`, out);
    }
  }
  return out;
}

/** The digest (SHA-256, hex) of the amounts a preview shows. */
export function amountsDigest(preview: unknown): string {
  return crypto.createHash('sha256').update(stableStringify(amountsOf(preview, '', {}))).digest('hex');
}

/**
 * Whether a confirm may write what it recomputed: true when no digest was sent (a caller without
 * a review step) or when it matches. The customer's forms always send one (lib/contracts/actions.ts).
 */
export function sameAmounts(preview: unknown, shown: string | undefined): boolean {
  return shown === undefined || amountsDigest(preview) === shown;
}
