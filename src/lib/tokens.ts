import { createHash, randomBytes } from "node:crypto";

// One-time and bearer secrets: 32 random bytes, written in base64url so they travel in a URL or a
// cookie as they are. Only their SHA-256 is kept (a stolen table gives no usable secret), so a
// secret is checked by hashing what is presented and looking the hash up.

/** A new secret: 32 random bytes, base64url (43 characters). */
export const newToken = (): string => randomBytes(32).toString("base64url");

/** How a secret is stored and looked up: its SHA-256, in hex. */
export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");
