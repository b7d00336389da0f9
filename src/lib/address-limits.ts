import { normalizeEmail } from "#src/lib/email.ts";

// Requests counted per e-mail address, in memory, for the forms that name one (signing in, asking
// for a reset link, subscribing). The client's own limit is the rate-limit plugin's; this one
// follows an address from wherever its requests come.

/** Addresses remembered at most, the least recently counted forgotten first (as the client limit's store does). */
const ADDRESSES_KEPT = 5000;

/** Requests per address in a fixed window from the first one. */
export class AddressLimit {
  readonly #entries = new Map<string, { count: number; since: number }>();

  constructor(
    readonly window: number,
    readonly perAddress: number,
  ) {}

  /** Counts a request; answers the seconds to wait when the address has had its share, else null. */
  take(address: string, now = Date.now()): number | null {
    const kept = this.#entries.get(address);
    const entry = kept && kept.since + this.window > now ? kept : { count: 0, since: now };
    entry.count++;
    this.#entries.delete(address);
    this.#entries.set(address, entry);
    if (this.#entries.size > ADDRESSES_KEPT) this.#entries.delete(this.#entries.keys().next().value!);
    return entry.count > this.perAddress ? Math.max(1, Math.ceil((entry.since + this.window - now) / 1000)) : null;
  }

  /** Forgets an address's requests (a sign-in that succeeded). */
  clear(address: string): void {
    this.#entries.delete(address);
  }
}

/** The address a form names in its `email` field, in the form it is looked up and counted. */
export function formAddress(body: unknown): string {
  const email = body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>).email : undefined;
  return normalizeEmail(typeof email === "string" ? email : "").slice(0, 255);
}
