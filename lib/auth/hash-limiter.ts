// A bound on the password hashes one process computes at once. argon2 takes tens of
// milliseconds of CPU and 19 MiB each; a burst of sign-ins hashing all at once would starve
// every page of CPU. At most `concurrency` run, `queueLimit` wait; beyond that the attempt is
// answered "busy" at once (the sign-in form says "too many attempts", as for a throttle).

export type Limited<T> = { ok: true; value: T } | { ok: false };

export class HashLimiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly queueLimit: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<Limited<T>> {
    if (this.running < this.concurrency) this.running++;
    else if (this.waiting.length < this.queueLimit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else return { ok: false };
    try {
      return { ok: true, value: await task() };
    } finally {
      // The slot passes straight to the next waiter, or is freed.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/**
 * Hashes at once per process (env SIGN_IN_HASH_CONCURRENCY). One: argon2 runs on libuv's threads,
 * and on the 2-core machine the benchmark runs on, one hash at a time leaves a core to the pages
 * (bench signin-burst, README); about 20 sign-ins a second per process is far above real traffic.
 */
export const SIGN_IN_HASH_CONCURRENCY = 1;
/** Sign-ins that may wait for a hash (env SIGN_IN_HASH_QUEUE); a burst beyond it is answered "busy". */
export const SIGN_IN_HASH_QUEUE = 16;

function setting(raw: string | undefined, fallback: number, min: number): number {
  const value = Number(raw);
  return raw && Number.isInteger(value) && value >= min && value <= 64 ? value : fallback;
}

// On globalThis: `next start` loads this module in more than one bundle, and the bound is per process.
const holder = globalThis as { __smarthubSignInHashing?: HashLimiter };
export const signInHashing: HashLimiter = (holder.__smarthubSignInHashing ??= new HashLimiter(
  setting(process.env.SIGN_IN_HASH_CONCURRENCY, SIGN_IN_HASH_CONCURRENCY, 1),
  setting(process.env.SIGN_IN_HASH_QUEUE, SIGN_IN_HASH_QUEUE, 0),
));
