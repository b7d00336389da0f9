import { createHmac } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";
import { normalizeEmail } from "#src/lib/email.ts";

// What the rate limits count by (db/rate-limits.ts): the address a form names, followed from
// wherever its requests come, and the client the request comes from. The counters are rows in a
// shared table, so an e-mail address goes there only as an HMAC keyed with the session secret:
// a stored key cannot be matched against a list of addresses by anyone who lacks the secret.

/** The address a form names in its `email` field, in the form it is looked up and counted. */
export function formAddress(body: unknown): string {
  const email = body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>).email : undefined;
  return normalizeEmail(typeof email === "string" ? email : "").slice(0, 255);
}

/**
 * A counter's key for an (already normalized) e-mail address: its HMAC-SHA256 under `secret` (the
 * configuration's session secret), never the address. The text hashed starts with a label holding
 * a space, which no signed link's base64url payload (mail/signed.ts, same secret) can, so a key
 * is never a valid signature for whatever someone types as an address.
 */
export const addressKey = (secret: string, address: string): string => createHmac("sha256", secret).update(`rate-limit address ${address}`).digest("base64url");

/**
 * A counter's key for a client: an IPv4 address as it is (an IPv4 address mapped into IPv6 too),
 * an IPv6 address by its /64 network, since one machine is usually given a whole /64 and could
 * otherwise walk through its addresses to escape the limit.
 */
export function clientKey(ip: string): string {
  const address = ip.replace(/%.*$/, "").toLowerCase();
  if (!isIPv6(address)) return address;
  const groups = ipv6Groups(address);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) return `${groups[6]! >> 8}.${groups[6]! & 255}.${groups[7]! >> 8}.${groups[7]! & 255}`;
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (with `::` expanded and a trailing IPv4 part read). */
function ipv6Groups(address: string): number[] {
  const [head, tail] = address.includes("::") ? address.split("::") : [address, undefined];
  const word = (piece: string) => {
    if (!isIPv4(piece)) return [parseInt(piece, 16)];
    const [a, b, c, d] = piece.split(".").map(Number) as [number, number, number, number];
    return [a * 256 + b, c * 256 + d];
  };
  const part = (text: string | undefined) => (text ? text.split(":").flatMap(word) : []);
  const start = part(head);
  const end = part(tail);
  return tail === undefined ? start : [...start, ...Array<number>(8 - start.length - end.length).fill(0), ...end];
}
