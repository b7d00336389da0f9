import { randomUUID } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transaction, type Database } from "#src/db/client.ts";
import { auditEvents } from "#src/db/schema/audit.ts";
import { mailOutbox, subscriptions } from "#src/db/schema/notifications.ts";
import { reports } from "#src/db/schema/reports.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { freezeEdition, publishEdition } from "#src/features/editions/service.ts";
import { deliverPendingMail, mailSettings, type MailSettings } from "#src/features/mail/sender.ts";
import { signToken } from "#src/features/mail/signed.ts";
import { SUBSCRIBE_LIMITS } from "#src/features/notifications/subscription-limits.ts";
import { CONFIRMATION_TTL_MS, CONFIRMATIONS_PER_DAY, confirmationPath, endSubscription, mailSubscribers } from "#src/features/notifications/subscriptions.ts";
import { testApp } from "#test/helpers/app.ts";
import { openTestDatabase } from "#test/helpers/db.ts";
import { buildReport } from "#test/helpers/factories.ts";
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from "#test/setup/smtp.ts";

// Readers subscribe to a report's new editions through the public pages, confirm from the mail
// (double opt-in) and leave with one click; the mail goes through the outbox to a real SMTP server.

let database: Database;
let app: FastifyInstance;
let smtp: TestSmtpServer;
let settings: MailSettings;
let report: Awaited<ReturnType<typeof buildReport>>["report"];
let clients = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  smtp = await startSmtpServer();
  settings = { ...mailSettings(app.config), smtpUrl: smtp.url };
  report = (await buildReport(database.db)).report;
});

afterAll(async () => {
  await app.close();
  await smtp.close();
  await database.close();
});

const deliver = () => deliverPendingMail(database.db, settings);
const address = (name: string) => `${name}-${randomUUID().slice(0, 8)}@readers.example.org`;
const mailsTo = (to: string) => smtp.received.filter((m) => m.to.includes(to));
const pathOf = (url: string) => new URL(url).pathname;

/** A reader's browser: loads a page in `lang` (its cookies and form token kept), posts a form from it. */
async function reader(lang: "en" | "fr" | "es" = "en") {
  const ip = `198.51.100.${++clients}`;
  let cookie = "";
  const headers = () => ({ accept: "text/html", "accept-language": lang, cookie });
  const keep = (res: Awaited<ReturnType<FastifyInstance["inject"]>>) => {
    for (const c of res.cookies as { name: string; value: string }[]) cookie = `${cookie ? `${cookie}; ` : ""}${c.name}=${c.value}`;
    return res;
  };
  const get = async (url: string) => keep(await app.inject({ method: "GET", url, remoteAddress: ip, headers: headers() }));
  const post = async (formPage: string, url: string, fields: Record<string, string>) => {
    const page = await get(formPage);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!csrf) throw new Error(`No form token on ${formPage} (${page.statusCode})`);
    return keep(
      await app.inject({
        method: "POST",
        url,
        remoteAddress: ip,
        headers: { ...headers(), "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
      }),
    );
  };
  return { get, post };
}

const subscribe = async (email: string, lang: "en" | "fr" | "es" = "en", slug = report.slug) => (await reader(lang)).post(`/reports/${slug}/`, `/reports/${slug}/subscribe`, { email });

/** The confirmation mail's link to the confirmation page, as a site path. */
async function confirmationLink(email: string): Promise<string> {
  await deliver();
  const mail = await smtp.waitFor((m) => m.to.includes(email) && m.links.some((l) => l.includes("/subscriptions/confirm/")));
  return pathOf(mail.links.find((l) => l.includes("/subscriptions/confirm/"))!);
}

/** The link of the last confirmation mail sent to an address, as a site path. */
async function lastConfirmationLink(email: string): Promise<string> {
  await deliver();
  const links = mailsTo(email).flatMap((m) => m.links.filter((l) => l.includes("/subscriptions/confirm/")));
  return pathOf(links.at(-1)!);
}

/** Opens the confirmation link and presses its button. */
async function confirm(path: string, lang: "en" | "fr" | "es" = "en") {
  return (await reader(lang)).post(path, path, {});
}

const subscriptionOf = async (email: string) => (await database.db.select().from(subscriptions).where(and(eq(subscriptions.reportId, report.id), eq(subscriptions.email, email))))[0];

let editions = 0;
async function publishNewEdition() {
  const label = `${2040 + ++editions}`;
  const edition = await freezeEdition(database.db, SYSTEM_ACTOR, report.id, { label, title: `Edition ${label}`, editionDate: `${label}-01-01`, foreword: null });
  await publishEdition(database.db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl: settings.publicUrl });
  await deliver();
  return edition;
}

const isEditionMail = (edition: { label: string }) => (m: ReceivedMail) => m.links.some((l) => l.includes(`/${edition.label}/`));

/** A page as its reader sees it, without what differs from one answer to the next (form tokens). */
const comparable = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, "");

describe("subscribing to a report's new editions", () => {
  it("offers the form on the report's page", async () => {
    const page = await (await reader()).get(`/reports/${report.slug}/`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`action="/reports/${report.slug}/subscribe"`);
    expect(page.body).toMatch(/<label for="f-email">[^<]*e-mail address/);
  });

  it("leads from every page of a published edition to that form", async () => {
    const edition = await publishNewEdition();
    const browser = await reader("fr");
    const contents = await browser.get(`/reports/${report.slug}/${edition.label}/fr/`);
    expect(contents.statusCode).toBe(200);
    const chapterPath = /href="(\/reports\/[^"]+\/fr\/[a-z0-9-]+)"/.exec(contents.body)![1]!;
    const chapter = await browser.get(chapterPath);
    expect(chapter.statusCode).toBe(200);
    for (const page of [contents, chapter]) expect(page.body).toMatch(new RegExp(`<a href="/reports/${report.slug}/subscribe">Recevoir un courriel à chaque nouvelle édition</a>`));
    const form = await browser.get(`/reports/${report.slug}/subscribe`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`action="/reports/${report.slug}/subscribe"`);
    expect(form.body).toContain('type="email"');
  });

  it("asks for a confirmation in the page's language, and mails nothing about editions before it", async () => {
    const email = address("pending");
    const res = await subscribe(email, "es");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Revise su correo");

    const path = await confirmationLink(email);
    const [mail] = mailsTo(email);
    expect(mail!.subject).toContain("Confirme su suscripción");
    expect(mail!.text).toContain("Confirmar la suscripción");
    expect(mail!.html).toContain(`href="${settings.publicUrl}${path}"`);
    expect((await subscriptionOf(email))!.language).toBe("es");
    expect((await subscriptionOf(email))!.confirmedAt).toBeNull();

    const edition = await publishNewEdition();
    expect(mailsTo(email).filter(isEditionMail(edition))).toHaveLength(0);
    const queued = await database.db.select().from(mailOutbox).where(and(eq(mailOutbox.recipient, email), eq(mailOutbox.eventKey, `edition:${edition.id}:published`)));
    expect(queued).toHaveLength(0);
  });

  it("answers the same for a new, a pending and a confirmed address, and mails a confirmed one nothing", async () => {
    const email = address("same");
    const asNew = await subscribe(email);
    const path = await confirmationLink(email);
    const asPending = await subscribe(email);
    await deliver();
    expect(mailsTo(email)).toHaveLength(2);
    expect((await confirm(path)).statusCode).toBe(303);
    const asConfirmed = await subscribe(email);
    await deliver();

    for (const res of [asNew, asPending, asConfirmed]) expect(res.statusCode).toBe(200);
    expect(comparable(asPending.body)).toBe(comparable(asNew.body));
    expect(comparable(asConfirmed.body)).toBe(comparable(asNew.body));
    expect(mailsTo(email)).toHaveLength(2);
  });

  it("sends a few confirmations a day to one address, then no more, with the same answer", async () => {
    const email = address("bounded");
    const answers = [];
    expect(SUBSCRIBE_LIMITS.perAddress).toBeGreaterThan(CONFIRMATIONS_PER_DAY);
    for (let i = 0; i < SUBSCRIBE_LIMITS.perAddress; i++) answers.push(await subscribe(email));
    await deliver();
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 200));
    expect(new Set(answers.map((a) => comparable(a.body))).size).toBe(1);
    expect(mailsTo(email)).toHaveLength(CONFIRMATIONS_PER_DAY);
    // From yet another client, the address has had its share of requests for this quarter of an hour.
    const refused = await subscribe(email);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("refuses a request without a usable address, on the form, writing nothing", async () => {
    const res = await subscribe("not an address");
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('aria-invalid="true"');
    expect(await database.db.select().from(subscriptions).where(eq(subscriptions.email, "not an address"))).toHaveLength(0);
  });

  it("confirms only when the button is pressed, not when the link is opened", async () => {
    const email = address("scanner");
    await subscribe(email, "fr");
    const path = await confirmationLink(email);

    const opened = await (await reader("fr")).get(path);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain("Confirmer l'abonnement");
    expect(opened.body).toContain(email);
    expect((await subscriptionOf(email))!.confirmedAt).toBeNull();

    const pressed = await confirm(path, "fr");
    expect(pressed.statusCode).toBe(303);
    expect(pressed.headers.location).toBe(`/reports/${report.slug}/`);
    expect((await subscriptionOf(email))!.confirmedAt).not.toBeNull();
  });

  it("refuses confirmation links this site did not sign", async () => {
    const email = address("forged");
    await subscribe(email);
    const path = await confirmationLink(email);
    const id = (await subscriptionOf(email))!.id;
    const token = path.split("/").pop()!;
    const forged = [
      `${token.slice(0, -2)}AA`,
      signToken("another secret, of at least thirty-two characters", `confirm:${id}`),
      signToken(app.config.sessionSecret, `subscription:${id}`),
      signToken(app.config.sessionSecret, `confirm:${randomUUID()}`),
      signToken(app.config.sessionSecret, `confirm:${randomUUID()}:${Date.now()}`),
      signToken(app.config.sessionSecret, "confirm:not-a-uuid"),
      "nothing",
    ];
    const browser = await reader();
    for (const bad of forged) {
      expect((await browser.get(`/subscriptions/confirm/${bad}`)).statusCode, bad).toBe(404);
      expect((await browser.post(`/reports/${report.slug}/`, `/subscriptions/confirm/${bad}`, {})).statusCode, bad).toBe(404);
    }
    expect((await subscriptionOf(email))!.confirmedAt).toBeNull();
  });

  it("mails a published edition once to each confirmed subscriber, in their language, with a one-click way out", async () => {
    const english = address("english");
    const french = address("french");
    const pending = address("unconfirmed");
    for (const [email, lang] of [[english, "en"], [french, "fr"]] as const) {
      await subscribe(email, lang);
      expect((await confirm(await confirmationLink(email), lang)).statusCode).toBe(303);
    }
    await subscribe(pending);
    await deliver();

    const edition = await publishNewEdition();
    const toEnglish = await smtp.waitFor((m) => m.to.includes(english) && isEditionMail(edition)(m));
    const toFrench = await smtp.waitFor((m) => m.to.includes(french) && isEditionMail(edition)(m));
    expect(mailsTo(pending).filter(isEditionMail(edition))).toHaveLength(0);

    expect(toEnglish.subject).toBe(`New edition of Study Report: Edition ${edition.label}`);
    expect(toEnglish.links).toContain(`${settings.publicUrl}/reports/${report.slug}/${edition.label}/en/`);
    expect(toEnglish.links).toContain(`${settings.publicUrl}/reports/${report.slug}/${edition.label}/en/export/pdf`);
    expect(toFrench.subject).toContain("Nouvelle édition");
    expect(toFrench.links).toContain(`${settings.publicUrl}/reports/${report.slug}/${edition.label}/fr/`);
    for (const mail of [toEnglish, toFrench]) {
      expect(mail.headers["list-unsubscribe"]).toMatch(new RegExp(`^<${settings.publicUrl}/unsubscribe/[^>]+>$`));
      expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    }

    // Once per address and edition, however often it is asked.
    const again = await transaction(database.db, (tx) => mailSubscribers(tx, edition));
    expect(again).toBe(0);
    await deliver();
    expect(mailsTo(english).filter(isEditionMail(edition))).toHaveLength(1);
  });

  it("ends with one click from the mail, after which no edition is mailed", async () => {
    const email = address("leaving");
    await subscribe(email);
    await confirm(await confirmationLink(email));
    const first = await publishNewEdition();
    const mail = await smtp.waitFor((m) => m.to.includes(email) && isEditionMail(first)(m));

    // RFC 8058: the mail client posts to the List-Unsubscribe address, with no session and no form token.
    const target = pathOf(/^<([^>]+)>$/.exec(mail.headers["list-unsubscribe"]!)![1]!);
    const res = await app.inject({ method: "POST", url: target, headers: { "content-type": "application/x-www-form-urlencoded" }, payload: "List-Unsubscribe=One-Click" });
    expect(res.statusCode).toBeLessThan(300);
    expect((await subscriptionOf(email))!.endedAt).not.toBeNull();

    const second = await publishNewEdition();
    expect(mailsTo(email).filter(isEditionMail(second))).toHaveLength(0);
    const queued = await database.db.select().from(mailOutbox).where(and(eq(mailOutbox.recipient, email), like(mailOutbox.eventKey, "edition:%")));
    expect(queued.map((q) => q.eventKey)).toEqual([`edition:${first.id}:published`]);
  });

  it("starts again when an ended subscription is asked for and confirmed again", async () => {
    const email = address("returning");
    await subscribe(email);
    const path = await confirmationLink(email);
    await confirm(path);
    const { id } = (await subscriptionOf(email))!;
    await transaction(database.db, async (tx) => {
      expect(await endSubscription(tx, id)).toBe(true);
      expect(await endSubscription(tx, id)).toBe(true);
    });
    expect((await subscriptionOf(email))!.endedAt).not.toBeNull();
    // Ending is audited once, as the system's doing (the link is followed by nobody signed in).
    const audited = await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, "subscription.ended"), eq(auditEvents.entityId, id)));
    expect(audited.map((a) => [a.actorId, a.data])).toEqual([[null, { report: report.slug }]]);

    // The link that confirmed it before cannot start it again: that takes a new opt-in.
    const browser = await reader();
    expect((await browser.get(path)).statusCode).toBe(410);
    // (The form token comes from another page: an expired link's page has no form.)
    const stale = await browser.post(`/reports/${report.slug}/`, path, {});
    expect(stale.statusCode).toBe(410);
    expect(stale.body).toContain(`href="/reports/${report.slug}/subscribe"`);
    expect((await subscriptionOf(email))!.endedAt).not.toBeNull();

    await subscribe(email);
    await deliver();
    expect(mailsTo(email).filter((m) => m.links.some((l) => l.includes("/subscriptions/confirm/")))).toHaveLength(2);
    const fresh = await lastConfirmationLink(email);
    expect(fresh).not.toBe(path);
    expect((await confirm(fresh)).statusCode).toBe(303);
    const back = (await subscriptionOf(email))!;
    expect(back.endedAt).toBeNull();
    const edition = await publishNewEdition();
    await smtp.waitFor((m) => m.to.includes(email) && isEditionMail(edition)(m));
  });

  it("takes a confirmation link for 7 days, no longer", async () => {
    const email = address("late");
    await subscribe(email, "fr");
    const { id } = (await subscriptionOf(email))!;
    const secret = app.config.sessionSecret;
    const old = confirmationPath(secret, id, Date.now() - CONFIRMATION_TTL_MS - 60_000);
    const opened = await (await reader("fr")).get(old);
    expect(opened.statusCode).toBe(410);
    expect(opened.body).toContain("Ce lien de confirmation n'est plus valable");
    expect((await (await reader("fr")).post(`/reports/${report.slug}/`, old, {})).statusCode).toBe(410);
    expect((await subscriptionOf(email))!.confirmedAt).toBeNull();

    const recent = confirmationPath(secret, id, Date.now() - CONFIRMATION_TTL_MS + 3_600_000);
    expect((await confirm(recent)).statusCode).toBe(303);
    expect((await subscriptionOf(email))!.confirmedAt).not.toBeNull();
    // A running subscription's old link just says it runs.
    expect((await confirm(old)).statusCode).toBe(303);
  });

  it("writes to each subscriber in their language, the report's texts and pages in it when the report has it", async () => {
    const other = (await buildReport(database.db)).report;
    await database.db.update(reports).set({ languages: ["en", "fr"], titles: { en: "Field Study", fr: "Étude de terrain" } }).where(eq(reports.id, other.id));
    const spanish = address("spanish");
    const french = address("francais");
    for (const [email, lang] of [[spanish, "es"], [french, "fr"]] as const) {
      expect((await subscribe(email, lang, other.slug)).statusCode).toBe(200);
      expect((await subscriptionIn(other.id, email))!.language).toBe(lang);
      expect((await confirm(await lastConfirmationLink(email), lang)).statusCode).toBe(303);
    }
    expect(mailsTo(spanish)[0]!.subject).toMatch(/^Confirme su suscripción a «\s?Field Study\s?»$/u);
    expect(mailsTo(french)[0]!.subject).toMatch(/^Confirmez votre abonnement à «\s?Étude de terrain\s?»$/u);

    const edition = { id: randomUUID(), reportId: other.id, label: "2050", titles: { en: "Spring", fr: "Printemps", es: "Primavera" } };
    expect(await transaction(database.db, (tx) => mailSubscribers(tx, edition))).toBe(2);
    await deliver();
    const toSpanish = await smtp.waitFor((m) => m.to.includes(spanish) && isEditionMail(edition)(m));
    const toFrench = await smtp.waitFor((m) => m.to.includes(french) && isEditionMail(edition)(m));
    // Spanish words around the report's English title and pages: the report is not kept in Spanish.
    expect(toSpanish.subject).toMatch(/^Nueva edición de «\s?Field Study\s?»: Spring$/u);
    expect(toSpanish.text).toContain("Leer la edición");
    expect(toSpanish.links).toContain(`${settings.publicUrl}/reports/${other.slug}/2050/en/`);
    expect(toSpanish.links).toContain(`${settings.publicUrl}/reports/${other.slug}/2050/en/export/pdf`);
    expect(toFrench.subject).toMatch(/^Nouvelle édition de «\s?Étude de terrain\s?»\s?: Printemps$/u);
    expect(toFrench.links).toContain(`${settings.publicUrl}/reports/${other.slug}/2050/fr/`);
  });
});

const subscriptionIn = async (reportId: string, email: string) => (await database.db.select().from(subscriptions).where(and(eq(subscriptions.reportId, reportId), eq(subscriptions.email, email))))[0];
