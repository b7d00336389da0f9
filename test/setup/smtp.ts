import type { AddressInfo } from "node:net";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";

// A real SMTP server for the tests, in-process on 127.0.0.1: messages arrive over a socket as they
// would from any mail relay and are parsed with mailparser. No TLS, no authentication needed.

export type ReceivedMail = {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Header names lower-cased, each with its first value as sent (unfolded, encoded words left as they are). */
  headers: Record<string, string>;
  messageId: string;
  /** Every http(s) URL in the text part, in order. */
  links: string[];
};

export type TestSmtpServer = {
  /** smtp://127.0.0.1:<port> */
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Resolves with the first message (already received or to come) the predicate accepts. */
  waitFor(predicate: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  /** Resolves once a client has started sending a message's data (DATA accepted), to `to` when given. */
  dataStarted(timeoutMs?: number, to?: string): Promise<void>;
  close(): Promise<void>;
};

export type SmtpServerOptions = {
  /** Accept DATA, then never answer: a sender in the middle of a message (a crash test kills it there). */
  hangOnData?: boolean;
  /** Refuse every message at the end of DATA with this reply (e.g. 550 permanent, 451 temporary). */
  reject?: { code: number; message: string };
};

const addresses = (value: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value.map((v) => v.address ?? "")).filter(Boolean);

const URL_PATTERN = /https?:\/\/[^\s<>"')\]]+/g;

export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  /** The recipients of every message whose data has started. */
  const dataTo: string[][] = [];
  const notify = () => {
    for (const wake of [...waiters]) wake();
  };
  const hanging: SMTPServerDataStream[] = [];

  const server = new SMTPServer({
    authOptional: true,
    // Any user name and password are accepted, over plain text: SMTP_URLs with credentials work too.
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? "anonymous" });
    },
    disabledCommands: ["STARTTLS"],
    logger: false,
    banner: "test server",
    // Connections still open when the server closes (a hanging client) are ended after this.
    closeTimeout: 500,
    onData(stream, session, callback) {
      dataTo.push(session.envelope.rcptTo.map((r) => r.address.toLowerCase()));
      notify();
      if (options.hangOnData) {
        // Read and drop the data, never answer: the client waits until it gives up or dies.
        hanging.push(stream);
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (options.reject) {
          const error = Object.assign(new Error(options.reject.message), { responseCode: options.reject.code });
          callback(error);
          return;
        }
        simpleParser(Buffer.concat(chunks))
          .then((parsed) => {
            // Each header as it was sent (unfolded), not as mailparser interprets it (it turns List-* into objects).
            const headers: Record<string, string> = {};
            for (const { key, line } of parsed.headerLines) {
              if (!(key in headers)) headers[key] = line.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim();
            }
            const text = parsed.text ?? "";
            received.push({
              from: addresses(parsed.from)[0] ?? "",
              to: addresses(parsed.to),
              subject: parsed.subject ?? "",
              text,
              html: typeof parsed.html === "string" ? parsed.html : "",
              headers,
              messageId: parsed.messageId ?? "",
              links: text.match(URL_PATTERN) ?? [],
            });
            callback();
            notify();
          })
          .catch((err: Error) => callback(err));
      });
    },
  });
  server.on("error", () => undefined);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;

  const until = <T>(check: () => T | undefined, timeoutMs: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const found = check();
      if (found !== undefined) return resolve(found);
      const wake = () => {
        const value = check();
        if (value === undefined) return;
        clearTimeout(timer);
        waiters.delete(wake);
        resolve(value);
      };
      const timer = setTimeout(() => {
        waiters.delete(wake);
        reject(new Error(`${what} within ${timeoutMs} ms (${received.length} message(s) received)`));
      }, timeoutMs);
      waiters.add(wake);
    });

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    waitFor: (predicate, timeoutMs = 10_000) => until(() => received.find(predicate), timeoutMs, "No matching message arrived"),
    dataStarted: (timeoutMs = 10_000, to?: string) =>
      until(() => (dataTo.some((rcpt) => to === undefined || rcpt.includes(to.toLowerCase())) ? true : undefined), timeoutMs, "No message data started").then(() => undefined),
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of hanging) stream.destroy();
        server.close(() => resolve());
      }),
  };
}
