import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "#src/config.ts";

const tmp = () => mkdtempSync(join(tmpdir(), "lr-config-"));

describe("loadConfig", () => {
  it("has working defaults: PGlite under ./data, port 3000, demo on", () => {
    const config = loadConfig({ DATA_DIR: tmp() });
    expect(config).toMatchObject({ port: 3000, host: "localhost", databaseUrl: undefined, demo: true, logLevel: "info", publicUrl: "http://localhost:3000", secureCookies: false });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("loads the demo by default on PGlite only: with DATABASE_URL it takes an explicit DEMO=1", () => {
    const url = "postgres://u:p@db/lr";
    expect(loadConfig({ DATA_DIR: tmp() }).demo).toBe(true);
    expect(loadConfig({ DATA_DIR: tmp(), DATABASE_URL: url }).demo).toBe(false);
    expect(loadConfig({ DATA_DIR: tmp(), DATABASE_URL: url, DEMO: "" }).demo).toBe(false);
    expect(loadConfig({ DATA_DIR: tmp(), DATABASE_URL: url, DEMO: "1" }).demo).toBe(true);
    expect(loadConfig({ DATA_DIR: tmp(), DEMO: "0" }).demo).toBe(false);
  });

  it("trusts X-Forwarded-For from a number of hops or from listed proxies, never from everyone", () => {
    const trust = (TRUST_PROXY?: string) => loadConfig({ DATA_DIR: tmp(), ...(TRUST_PROXY === undefined ? {} : { TRUST_PROXY }) }).trustProxy;
    expect(trust()).toBe(false);
    for (const off of ["false", "0", "no", "off", "FALSE"]) expect(trust(off)).toBe(false);
    for (const oneHop of ["true", "1", "yes", "on", " True "]) expect(trust(oneHop)).toBe(1);
    expect(trust("2")).toBe(2);
    expect(trust("10.0.0.1,192.168.0.0/16")).toEqual(["10.0.0.1", "192.168.0.0/16"]);
    expect(trust(" 10.0.0.1 , fd00::/8, ::1, loopback ")).toEqual(["10.0.0.1", "fd00::/8", "::1", "loopback"]);
    for (const bad of ["all", "*", "-1", "1.5", "10.0.0.300", "10.0.0.0/33", "fd00::/129", "10.0.0.1,", "10.0.0.1/8/8", "100"]) {
      expect(() => trust(bad), bad).toThrow(ConfigError);
    }
    // Reported with the others.
    try {
      loadConfig({ DATA_DIR: tmp(), TRUST_PROXY: "everyone", PORT: "eighty" });
      expect.unreachable();
    } catch (e) {
      const problems = (e as ConfigError).problems;
      expect(problems).toHaveLength(2);
      expect(problems.find((p) => p.startsWith("TRUST_PROXY"))).toContain("number of proxy hops");
    }
  });

  it("names every bad variable at once", () => {
    const attempt = () => loadConfig({ DATA_DIR: tmp(), PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud", DEMO: "maybe", SESSION_SECRET: "short", PUBLIC_URL: "ftp://x" });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (e) {
      const problems = (e as ConfigError).problems.join("\n");
      for (const name of ["PORT", "DATABASE_URL", "LOG_LEVEL", "DEMO", "SESSION_SECRET", "PUBLIC_URL"]) expect(problems).toContain(name);
    }
  });

  it("reads the SMTP server and the sender, keeps mail unsent without SMTP_URL, and reports bad values with the others", () => {
    const plain = loadConfig({ DATA_DIR: tmp(), PUBLIC_URL: "https://report.example.org" });
    expect(plain).toMatchObject({ smtpUrl: undefined, mailFrom: "Living report <no-reply@report.example.org>" });
    const configured = loadConfig({ DATA_DIR: tmp(), SMTP_URL: "smtps://user:secret@mail.example.org:465", MAIL_FROM: "Study report <reports@example.org>" });
    expect(configured).toMatchObject({ smtpUrl: "smtps://user:secret@mail.example.org:465", mailFrom: "Study report <reports@example.org>" });
    expect(loadConfig({ DATA_DIR: tmp(), SMTP_URL: "smtp://localhost:1025", MAIL_FROM: "reports@example.org" })).toMatchObject({ smtpUrl: "smtp://localhost:1025", mailFrom: "reports@example.org" });
    for (const [SMTP_URL, MAIL_FROM] of [
      ["http://mail.example.org", "reports@example.org"],
      ["mail.example.org:25", "reports@example.org"],
      ["not a url at all", "reports@example.org"],
      ["smtp://mail.example.org", "reports"],
      ["smtp://mail.example.org", "Reports <reports@example.org"],
      ["smtp://mail.example.org", "reports@example.org\r\nBcc: everyone@example.org"],
    ] as const) {
      expect(() => loadConfig({ DATA_DIR: tmp(), SMTP_URL, MAIL_FROM }), `${SMTP_URL} ${MAIL_FROM}`).toThrow(ConfigError);
    }
    try {
      loadConfig({ DATA_DIR: tmp(), SMTP_URL: "http://mail.example.org", MAIL_FROM: "nobody", PORT: "eighty" });
      expect.unreachable();
    } catch (e) {
      const problems = (e as ConfigError).problems;
      expect(problems).toHaveLength(3);
      expect(problems.find((p) => p.startsWith("SMTP_URL"))).toContain("smtp:// or smtps://");
      expect(problems.find((p) => p.startsWith("MAIL_FROM"))).toContain("expected an address");
      expect(problems.find((p) => p.startsWith("PORT"))).toBeDefined();
    }
  });

  it("generates a session secret once and keeps it in DATA_DIR", () => {
    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    const file = join(dir, "session-secret");
    expect(readFileSync(file, "utf8").trim()).toBe(first.sessionSecret);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it("uses secure cookies when the public address is https, and treats empty variables as unset", () => {
    const config = loadConfig({ DATA_DIR: tmp(), PUBLIC_URL: "https://report.example.org/", PORT: "", DEMO: "off", DATABASE_URL: "postgres://u:p@db/lr" });
    expect(config).toMatchObject({ secureCookies: true, publicUrl: "https://report.example.org", port: 3000, demo: false, databaseUrl: "postgres://u:p@db/lr" });
  });
});
