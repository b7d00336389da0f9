import { createHmac, timingSafeEqual } from "node:crypto";

// Links that carry what they act on, signed instead of stored: an unsubscribe link
// ("user:<id>:<kind>", "subscription:<id>"), a subscription's confirmation ("confirm:<id>").
// The token is the payload in base64url, a dot, and the HMAC-SHA256 of that text in base64url.

const mac = (secret: string, encoded: string) => createHmac("sha256", secret).update(encoded).digest();

/** The payload and its signature, as one URL-safe token. */
export function signToken(secret: string, payload: string): string {
  const encoded = Buffer.from(payload, "utf8").toString("base64url");
  return `${encoded}.${mac(secret, encoded).toString("base64url")}`;
}

/** The payload of a token this secret signed; undefined for anything else (compared in constant time). */
export function readSignedToken(secret: string, token: string): string | undefined {
  if (typeof token !== "string" || token.length > 4096) return undefined;
  const match = /^([A-Za-z0-9_-]*)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return undefined;
  const [, encoded = "", signature = ""] = match;
  const expected = mac(secret, encoded);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const payload = Buffer.from(encoded, "base64url").toString("utf8");
  // A payload that was not valid UTF-8 text cannot have been signed here.
  return Buffer.from(payload, "utf8").toString("base64url") === encoded ? payload : undefined;
}
