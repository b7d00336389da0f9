import { hash, verify } from "@node-rs/argon2";
import { retryLater } from "#src/lib/errors.ts";

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. Argon2id is the library's default
// algorithm (its enum is a const enum, which our module settings cannot import).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

// Every hash takes 19 MiB and a core for some tens of milliseconds, so a burst of sign-ins must
// not run them all at once: two run, a bounded queue waits its turn, and beyond that the
// server answers "try again in a moment" instead of piling up work.
const RUNNING = 2;
const WAITING = 32;

/** At most RUNNING argon2 computations at once; `peak` is the most seen since `resetPeak()`. */
class HashingSlots {
  running = 0;
  peak = 0;
  private readonly queue: (() => void)[] = [];

  get waiting() {
    return this.queue.length;
  }

  resetPeak() {
    this.peak = this.running;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < RUNNING) this.running++;
    else if (this.queue.length < WAITING) await new Promise<void>((resolve) => this.queue.push(resolve));
    else throw retryLater("UNAVAILABLE", 2);
    // A woken waiter inherits the slot of the one that finished: `running` is unchanged.
    this.peak = Math.max(this.peak, this.running);
    try {
      return await work();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/** The gate every password hash and verification goes through. */
export const passwordSlots = new HashingSlots();

/** Hashes a password for storage (argon2id, PHC string). */
export const hashPassword = (password: string): Promise<string> => passwordSlots.run(() => hash(password, OPTIONS));

// Verifying against this when the account does not exist keeps the timing the same either way.
let decoy: Promise<string> | undefined;
const decoyHash = () =>
  (decoy ??= hashPassword("decoy password that matches nothing").catch((e: unknown) => {
    decoy = undefined; // refused while busy: try again next time
    throw e;
  }));

/** Checks a password against a stored hash, or spends the same time when there is none. */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  // The decoy is hashed before taking a slot for the check: holding one while waiting for another deadlocks.
  const target = stored ?? (await decoyHash());
  const ok = await passwordSlots.run(() => verify(target, password).catch(() => false));
  return ok && stored !== undefined;
}
