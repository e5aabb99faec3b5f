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

/** Hashes at once per process: two (the machine's cores are shared with the pages). */
export const SIGN_IN_HASH_CONCURRENCY = 2;
/** Sign-ins that may wait for a hash; a burst beyond it is answered "busy". */
export const SIGN_IN_HASH_QUEUE = 16;

// On globalThis: `next start` loads this module in more than one bundle, and the bound is per process.
const holder = globalThis as { __smarthubSignInHashing?: HashLimiter };
export const signInHashing: HashLimiter = (holder.__smarthubSignInHashing ??= new HashLimiter(SIGN_IN_HASH_CONCURRENCY, SIGN_IN_HASH_QUEUE));
