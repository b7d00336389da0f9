import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. Argon2id is the library's default
// algorithm (its enum is a const enum, which our module settings cannot import).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password for storage (argon2id, PHC string). */
export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

// Verifying against this when the account does not exist keeps the timing the same either way.
let decoy: Promise<string> | undefined;

/** Checks a password against a stored hash, or spends the same time when there is none. */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  if (!stored) {
    decoy ??= hashPassword("decoy password that matches nothing");
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
