import type { BrowserContext, Page } from "playwright-core";
import type { Language } from "#src/domain/languages.ts";
import type { Role } from "#src/domain/members.ts";
import { HttpSession } from "#e2e/helpers/http.ts";
import type { RunningServer } from "#e2e/helpers/server.ts";
import type { TestSmtpServer } from "#test/setup/smtp.ts";

// People join by invitation: an administrator invites them, they follow the one-time link and
// choose their password. The link is read where the product put it: from the SMTP server it was
// started with (SMTP_URL), or, without one, from the outbox administrators read.

export type Invitee = {
  name: string;
  email: string;
  role: Role;
  /** The organization as the form's list shows it; none when omitted. */
  organization?: string;
  /** Preferred language; English when omitted. */
  language?: Language;
  password: string;
};

export type LinkSource = {
  /** The SMTP server the product sends to (started with SMTP_URL); without it, the link is made from the outbox. */
  smtp?: TestSmtpServer | undefined;
};

/** The link as the test server serves it: mailed links carry PUBLIC_URL, the server listens on its own address. */
export const onServer = (server: RunningServer, link: string) => {
  const url = new URL(link);
  return `${server.url}${url.pathname}${url.search}`;
};

const INVITATION_PATH = /\/invitation\/[A-Za-z0-9_-]+$/;

/** The one-time invitation link mailed to `email`, read from the SMTP server. */
export async function mailedInvitationLink(smtp: TestSmtpServer, email: string): Promise<string> {
  const mail = await smtp.waitFor((m) => m.to.includes(email) && m.links.some((l) => INVITATION_PATH.test(new URL(l).pathname)), 60_000);
  return mail.links.find((l) => INVITATION_PATH.test(new URL(l).pathname))!;
}

/** Makes the one-time link of the newest invitation to `email` from the outbox, as an administrator passing it on would. */
export async function outboxLink(admin: Page, server: RunningServer, email: string): Promise<string> {
  await admin.goto(`${server.url}/admin/outbox`);
  // Other mail may follow the invitation at once (a survey the person's organization is invited to).
  const invitation = admin.getByRole("row").filter({ hasText: email }).filter({ has: admin.locator("code", { hasText: /^invitation$/ }) });
  await invitation.first().getByRole("link").first().click();
  // The link is made for a message the sender has set aside (no SMTP server): it does so within a second or two.
  const make = admin.getByRole("button", { name: "Make the link to pass on" });
  for (const deadline = Date.now() + 60_000; !(await make.isVisible()); ) {
    if (Date.now() > deadline) throw new Error(`The invitation to ${email} was never held in the outbox`);
    await admin.waitForTimeout(500);
    await admin.reload();
  }
  await make.click();
  const field = admin.locator("input.mail-link-value");
  await field.waitFor();
  return field.inputValue();
}

/** Fills the invitation form as the signed-in administrator `admin` and sends it; resolves once the person exists. */
export async function invite(admin: Page, server: RunningServer, invitee: Omit<Invitee, "password">): Promise<void> {
  await admin.goto(`${server.url}/admin/users/new`);
  await admin.getByLabel("Full name").fill(invitee.name);
  await admin.getByLabel("E-mail address").fill(invitee.email);
  if (invitee.organization) await admin.getByLabel("Organization").selectOption({ label: invitee.organization });
  await admin.getByLabel("Role").selectOption(invitee.role);
  await admin.getByLabel("Preferred language").selectOption(invitee.language ?? "en");
  // The person exists once the form's answer has come back, not when the button is pressed.
  const [answer] = await Promise.all([
    admin.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/admin/users"),
    admin.getByRole("button", { name: "Send invitation" }).click(),
  ]);
  if (answer.status() !== 303) throw new Error(`Inviting ${invitee.email} answered ${answer.status()}`);
  await admin.waitForLoadState("load");
}

/** Opens an invitation link in a tab of `context`, chooses the password, and answers the tab, signed in on the person's work page. */
export async function acceptInvitation(context: BrowserContext, link: string, password: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(link);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('input[name="passwordConfirm"]').fill(password);
  await Promise.all([page.waitForURL((url) => url.pathname === "/member" || url.pathname === "/editor/work"), page.locator('form.stack button[type="submit"]').click()]);
  return page;
}

/**
 * Invites a person as the signed-in administrator `admin`, then follows their link in `context`
 * (a fresh browser context: the invitee's own browser) and sets their password. Answers the
 * invitee's tab, signed in, on /member.
 */
export async function inviteAndAccept(admin: Page, server: RunningServer, invitee: Invitee, context: BrowserContext, source: LinkSource = {}): Promise<Page> {
  await invite(admin, server, invitee);
  const link = source.smtp ? await mailedInvitationLink(source.smtp, invitee.email) : await outboxLink(admin, server, invitee.email);
  return acceptInvitation(context, onServer(server, link), invitee.password);
}

const pageLink = (body: string) => /class="[^"]*mail-link-value[^"]*"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*class="[^"]*mail-link-value/.exec(body);

/**
 * The same without a browser: invites through the form's address as the administrator's HTTP
 * session, makes the link from the outbox (or reads it from `source.smtp`), sets the password in a
 * new session and answers it, signed in.
 */
export async function inviteAndAcceptHttp(admin: HttpSession, server: RunningServer, invitee: Omit<Invitee, "organization"> & { organizationId?: string }, source: LinkSource = {}): Promise<HttpSession> {
  await admin.get("/admin/users/new");
  const created = await admin.post("/admin/users", { name: invitee.name, email: invitee.email, role: invitee.role, organizationId: invitee.organizationId ?? "", language: invitee.language ?? "en" });
  if (created.status !== 303) throw new Error(`Inviting ${invitee.email} answered ${created.status}`);
  let link: string;
  if (source.smtp) link = await mailedInvitationLink(source.smtp, invitee.email);
  else {
    const outbox = await admin.get("/admin/outbox");
    const row = [...outbox.body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!).find((r) => r.includes(`<td>${invitee.email}</td>`) && r.includes("<code>invitation</code>"));
    const id = row && /href="\/admin\/outbox\/([0-9a-f-]{36})"/.exec(row)?.[1];
    if (!id) throw new Error(`No invitation to ${invitee.email} in the outbox`);
    // The link is made for a message the sender has set aside (no SMTP server): it does so within a second or two.
    for (const deadline = Date.now() + 60_000; !(await admin.get(`/admin/outbox/${id}`)).body.includes(`/admin/outbox/${id}/link`); ) {
      if (Date.now() > deadline) throw new Error(`The invitation to ${invitee.email} was never held in the outbox`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const made = await admin.post(`/admin/outbox/${id}/link`, {});
    const found = pageLink(made.body);
    if (made.status !== 200 || !found) throw new Error(`No link made for ${invitee.email}: ${made.status}`);
    link = (found[1] ?? found[2]!).replace(/&amp;/g, "&");
  }
  const path = new URL(link).pathname;
  const session = new HttpSession(server.url);
  await session.get(path);
  const accepted = await session.post(path, { password: invitee.password, passwordConfirm: invitee.password });
  if (accepted.status !== 303) throw new Error(`Accepting the invitation of ${invitee.email} answered ${accepted.status}`);
  await session.get("/account");
  return session;
}
