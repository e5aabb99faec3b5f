// Per-key request limits of the public API: a token bucket per key, in this process. A key may
// send a burst of `burst` requests, then `perMinute` a minute; beyond that 429 with Retry-After.
// Per process: behind several instances a key's limit is that many times larger, which is the
// purpose (protecting each instance's CPU) and is said in the README.

export interface LimitDecision {
  ok: boolean;
  remaining: number;
  /** Seconds until one request is allowed again (when refused). */
  retryAfterSeconds: number;
}

export class KeyLimits {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly burst: number,
    readonly perMinute: number,
  ) {}

  take(keyId: string, nowMs: number): LimitDecision {
    const refillPerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(keyId) ?? { tokens: this.burst, at: nowMs };
    bucket.tokens = Math.min(this.burst, bucket.tokens + Math.max(0, nowMs - bucket.at) * refillPerMs);
    bucket.at = nowMs;
    this.buckets.set(keyId, bucket);
    if (this.buckets.size > 10_000) this.forgetFull(nowMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true, remaining: Math.floor(bucket.tokens), retryAfterSeconds: 0 };
    }
    return { ok: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };
  }

  /** Drops buckets that have refilled (they would start full anyway), so the map stays small. */
  private forgetFull(nowMs: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (nowMs - bucket.at) * (this.perMinute / 60_000) >= this.burst) this.buckets.delete(key);
    }
  }
}

function setting(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return raw && Number.isInteger(value) && value >= 1 && value <= 100_000 ? value : fallback;
}

/** 60 at once, 120 a minute per key (env API_RATE_BURST, API_RATE_PER_MINUTE). */
export const API_RATE_BURST = 60;
export const API_RATE_PER_MINUTE = 120;

const holder = globalThis as { __smarthubApiLimits?: KeyLimits };
export const apiLimits: KeyLimits = (holder.__smarthubApiLimits ??= new KeyLimits(
  setting(process.env.API_RATE_BURST, API_RATE_BURST),
  setting(process.env.API_RATE_PER_MINUTE, API_RATE_PER_MINUTE),
));
