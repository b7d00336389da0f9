import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { isIP } from "node:net";
import { join, resolve } from "node:path";
import { z } from "zod";

// The only place that reads the environment. Everything else receives a frozen Config.

const booleanish = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"], {
    error: 'expected one of "true", "false", "1", "0", "yes", "no", "on", "off"',
  })
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

// Which X-Forwarded-For entries to believe: none, those added by the last N hops (only when the
// server can be reached through the proxy alone), or those added by the listed proxies. "true"
// means one hop: believing every entry would let any client choose the address it is limited by.
const PROXY_NAMES = ["loopback", "linklocal", "uniquelocal"];
const isProxyAddress = (entry: string) => {
  if (PROXY_NAMES.includes(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
};
const trustProxy = z.string().transform((value, ctx): false | number | string[] => {
  const v = value.trim().toLowerCase();
  if (["0", "false", "no", "off"].includes(v)) return false;
  if (["true", "yes", "on"].includes(v)) return 1;
  if (/^\d{1,2}$/.test(v)) return Number(v) || false;
  const entries = v.split(",").map((entry) => entry.trim());
  if (entries.every(isProxyAddress)) return entries;
  ctx.addIssue({
    code: "custom",
    message: 'expected "false", a number of proxy hops (e.g. 1) or a comma-separated list of proxy addresses or ranges (e.g. 10.0.0.1,192.168.0.0/16)',
  });
  return z.NEVER;
});

const EnvSchema = z.object({
  PORT: z.coerce
    .number({ error: "expected a port number" })
    .int("expected a whole number")
    .min(0, "expected a port between 0 and 65535")
    .max(65535, "expected a port between 0 and 65535")
    .default(3000),
  HOST: z.string().min(1, "must not be empty").default("localhost"),
  DATA_DIR: z.string().min(1, "must not be empty").default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, "expected a postgres:// or postgresql:// connection string")
    .optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: "expected an http:// or https:// URL" }).optional(),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "expected one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters long").optional(),
  // Unset: on for PGlite (a first try), off with DATABASE_URL (an installation) unless DEMO=1.
  DEMO: booleanish.optional(),
  UPLOAD_LIMIT_MB: z.coerce
    .number({ error: "expected a number of megabytes" })
    .int("expected a whole number of megabytes")
    .min(1, "expected between 1 and 1000 megabytes")
    .max(1000, "expected between 1 and 1000 megabytes")
    .default(20),
  TRUST_PROXY: trustProxy.default(false),
  // Unset: mail is kept in the outbox that administrators read in the app, and nothing is sent.
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "expected an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.org:587" })
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/, 'expected an address, e.g. reports@example.org or "Study report <reports@example.org>"')
    .optional(),
});

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  /** Cookies get the Secure flag when the public address is https. */
  secureCookies: boolean;
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  sessionSecret: string;
  demo: boolean;
  /** X-Forwarded-For entries to believe: none, the last N hops, or those added by these proxies. */
  trustProxy: false | number | readonly string[];
  /** The largest file a member may upload, in megabytes. */
  uploadLimitMb: number;
  /** Where mail goes; undefined keeps every message in the outbox, unsent. */
  smtpUrl: string | undefined;
  /** The From of every message (MAIL_FROM, by default "Living report <no-reply@<public host>>"). */
  mailFrom: string;
}>;

/** Thrown when the environment is unusable; its message names every problem at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

/** Parses the environment once into a frozen Config, creating DATA_DIR and a session secret if needed. */
export function loadConfig(env: Env = process.env): Config {
  // An empty variable means "unset", as a shell user would expect from `PORT= npm start`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    secureCookies: publicUrl.startsWith("https://"),
    logLevel: e.LOG_LEVEL,
    sessionSecret: e.SESSION_SECRET ?? readOrCreateSecret(dataDir),
    demo: e.DEMO ?? e.DATABASE_URL === undefined,
    trustProxy: e.TRUST_PROXY,
    uploadLimitMb: e.UPLOAD_LIMIT_MB,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? `Living report <no-reply@${new URL(publicUrl).hostname}>`,
  });
}

// Generated once and kept beside the data, so sessions and CSRF tokens survive restarts.
function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, "session-secret");
  if (existsSync(file)) {
    const secret = readFileSync(file, "utf8").trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
