// Bulkheads for sign-in: bounds on the sign-ins one process handles at once. A sign-in is the one
// request anybody can send without an account, and it is expensive: Auth.js's own work, a dozen
// queries, and argon2 (tens of milliseconds of CPU and 19 MiB). A burst of them handled all at
// once would take every page's CPU. At most `concurrency` run, `queueLimit` wait; beyond that the
// sign-in is answered "busy" at once, without touching the database (the sign-in form says "too
// many attempts", as for a throttle, and nothing is counted).

export type Limited<T> = { ok: true; value: T } | { ok: false };

export class Bulkhead {
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
 * Whole sign-ins at once per process (env SIGN_IN_CONCURRENCY), from the request's arrival to its
 * answer: Auth.js's credentials endpoint and the login form's action both pass through it. Two:
 * on the 2-core machine the benchmark runs on, a burst of 100 wrong passwords then leaves the
 * dashboard's p95 within 1.3× of its value alone (bench signin-burst; all at once it was ×4–5,
 * and ×3.5 even with the hashing itself taken out, README). About 20 sign-ins a second per
 * process under page load is far above a portal's real traffic.
 */
export const SIGN_IN_CONCURRENCY = 2;
/** Sign-ins that may wait (env SIGN_IN_QUEUE); a burst beyond it is answered "busy" at once. */
export const SIGN_IN_QUEUE = 16;
/** Password hashes at once per process (env SIGN_IN_HASH_CONCURRENCY), whoever asks for one. */
export const SIGN_IN_HASH_CONCURRENCY = 1;
/** Sign-ins that may wait for a hash (env SIGN_IN_HASH_QUEUE). */
export const SIGN_IN_HASH_QUEUE = 16;

function setting(raw: string | undefined, fallback: number, min: number): number {
  const value = Number(raw);
  return raw && Number.isInteger(value) && value >= min && value <= 64 ? value : fallback;
}

// On globalThis: `next start` loads this module in more than one bundle, and the bounds are per process.
const holder = globalThis as { __smarthubSignIns?: Bulkhead; __smarthubSignInHashing?: Bulkhead };
export const signInRequests: Bulkhead = (holder.__smarthubSignIns ??= new Bulkhead(
  setting(process.env.SIGN_IN_CONCURRENCY, SIGN_IN_CONCURRENCY, 1),
  setting(process.env.SIGN_IN_QUEUE, SIGN_IN_QUEUE, 0),
));
export const signInHashing: Bulkhead = (holder.__smarthubSignInHashing ??= new Bulkhead(
  setting(process.env.SIGN_IN_HASH_CONCURRENCY, SIGN_IN_HASH_CONCURRENCY, 1),
  setting(process.env.SIGN_IN_HASH_QUEUE, SIGN_IN_HASH_QUEUE, 0),
));
