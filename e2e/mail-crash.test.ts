import { afterAll, describe, expect, it } from "vitest";
import { HttpSession } from "#e2e/helpers/http.ts";
import { demoAccount, engines, freePort, startProductServer, startProductServerWith, type RunningServer } from "#e2e/helpers/server.ts";
import { startSmtpServer, type TestSmtpServer } from "#test/setup/smtp.ts";

// The outbox through a crash: the server is killed with SIGKILL while it is in the middle of
// handing an invitation to the SMTP server (the message's data has started, no answer yet). Started
// again on the same data, it takes the message back once its lease has run out and sends it: the
// invitation arrives exactly once, and its link works.

describe.each(engines())("mail through a crash on %s", (engine) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  it("sends a message caught by a crash once, after the restart", { timeout: 300_000 }, async () => {
    // A first start loads the demo without SMTP_URL: the demo's own messages are kept in the outbox,
    // so the only message sent later is the one this test causes.
    const port = await freePort();
    const first: RunningServer = await startProductServer(engine, { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` });
    cleanups.push(() => first.stop());
    const admin = demoAccount(first, "admin");
    const before = await new HttpSession(first.url).signIn(admin.email, admin.password);
    for (let waited = 0; ; waited += 250) {
      const waiting = /Waiting\s*<span class="count">(\d+)</.exec((await before.get("/admin/outbox")).body)?.[1];
      if (waiting === "0") break;
      if (waited > 30_000) throw new Error(`The outbox still has ${waiting} message(s) waiting without SMTP_URL`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await first.kill();

    const hanging: TestSmtpServer = await startSmtpServer({ hangOnData: true });
    cleanups.push(() => hanging.close());
    const sending = await startProductServerWith({ ...first.env, SMTP_URL: hanging.url });
    cleanups.push(() => sending.kill());

    const session = await new HttpSession(sending.url).signIn(admin.email, admin.password);
    await session.get("/admin/users/new");
    const email = `crash-${Date.now()}@example.org`;
    const invited = await session.post("/admin/users", { name: "Inés Crash", email, organizationId: "", role: "contributor", language: "es" });
    expect(invited.status).toBe(303);

    // The sender has committed to this message and is sending it: kill the server right there.
    await hanging.dataStarted(60_000, email);
    await sending.kill();
    expect(hanging.received).toHaveLength(0);

    const smtp = await startSmtpServer();
    cleanups.push(() => smtp.close());
    const second = await startProductServerWith({ ...first.env, SMTP_URL: smtp.url });
    cleanups.push(() => second.kill());

    // The dead sender's lease (30 s) runs out, then the message goes out.
    const mail = await smtp.waitFor((m) => m.to.includes(email), 120_000);
    expect(mail.subject).not.toBe("");
    const link = mail.links.find((l) => new URL(l).pathname.startsWith("/invitation/"));
    expect(link).toBeDefined();
    expect(link!.startsWith(`http://127.0.0.1:${port}/invitation/`)).toBe(true);

    // Nothing more arrives for it: wait for a few more rounds of the sender.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1);

    // The link it carries is the one that works: the invitation page opens.
    const page = await fetch(link!);
    expect(page.status).toBe(200);

    // The outbox shows it sent, on its second attempt.
    const again = await new HttpSession(second.url).signIn(admin.email, admin.password);
    const outbox = await again.get("/admin/outbox?status=sent");
    const row = outbox.body.split("<tr>").find((r) => r.includes(email));
    expect(row).toBeDefined();
    expect(row).toMatch(/<td>2<\/td>/);
  });
});
