import type { Language } from "#src/domain/languages.ts";
import { translator } from "#src/i18n/i18n.ts";

// One template for every message: a list of blocks, already in the recipient's language, from
// which both the plain-text part and the HTML part are written. Links stay placeholders until the
// message is sent: a site path becomes %%BASE%%/path, the one-time link %%LINK%%, the unsubscribe
// link %%UNSUBSCRIBE%%; the sender puts the real addresses in (finalize, in sender.ts).

export type MailBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "action"; text: string; href: string }
  | { kind: "items"; items: { text: string; href?: string }[] }
  | { kind: "note"; text: string };

export type MailContent = { subject: string; blocks: MailBlock[] };

export type RenderedMail = { subject: string; text: string; html: string };

/** Where the site's address goes in a rendered message. */
export const BASE = "%%BASE%%";
/** Where the message's one-time link goes. */
export const LINK = "%%LINK%%";
/** Where the message's unsubscribe link goes. */
export const UNSUBSCRIBE = "%%UNSUBSCRIBE%%";
/** Where the site's host name goes in the Message-ID. */
export const HOST = "%%HOST%%";

const PLACEHOLDERS = [LINK, UNSUBSCRIBE];

/** A link as the message holds it: a site path under %%BASE%%, a placeholder, or an absolute http(s) URL. */
export function mailHref(href: string): string {
  if (PLACEHOLDERS.includes(href)) return href;
  if (href.startsWith("/") && !href.startsWith("//")) return `${BASE}${href}`;
  if (/^https?:\/\/[^\s]+$/i.test(href)) return href;
  throw new Error(`A mail link must be a site path, ${LINK}, ${UNSUBSCRIBE} or an http(s) URL: ${JSON.stringify(href)}`);
}

/** Text made safe in HTML, in an element or a quoted attribute (the one escaping of every message). */
export const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** One line, no control characters: a subject is a header. */
const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();

/** Lines of a text kept as they are, with no trailing spaces and at most one empty line between paragraphs. */
const plain = (s: string) => s.replace(/\r\n?/g, "\n").replace(/[ \t]+$/gm, "").trim();

const paragraphHtml = (text: string) => escapeHtml(plain(text)).replace(/\n/g, "<br>");

const STYLE = {
  body: "margin:0;padding:0;background:#f4f4f1;",
  frame: "max-width:600px;margin:0 auto;padding:24px 16px;font-family:Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2421;",
  header: "font-weight:bold;font-size:14px;color:#45504a;margin:0 0 16px;",
  card: "background:#ffffff;border:1px solid #d9dcd5;border-radius:6px;padding:24px;",
  p: "margin:0 0 16px;",
  button: "display:inline-block;background:#1d5c4a;color:#ffffff;text-decoration:none;font-weight:bold;padding:10px 18px;border-radius:4px;",
  fallback: "margin:0 0 16px;font-size:13px;color:#45504a;word-break:break-all;",
  link: "color:#1d5c4a;",
  note: "margin:0 0 16px;font-size:14px;color:#45504a;",
  footer: "margin:16px 0 0;font-size:12px;color:#5d655f;",
};

export type RenderOptions = {
  /** Adds the footer line with the unsubscribe link (%%UNSUBSCRIBE%%). */
  unsubscribe?: boolean;
};

/** The message in both parts, from the same blocks; every text is escaped in the HTML part. */
export function renderMail(content: MailContent, lang: Language, options: RenderOptions = {}): RenderedMail {
  const t = translator(lang);
  const site = t("app.name");
  const text: string[] = [];
  const html: string[] = [];
  for (const block of content.blocks) {
    switch (block.kind) {
      case "paragraph":
        text.push(plain(block.text));
        html.push(`<p style="${STYLE.p}">${paragraphHtml(block.text)}</p>`);
        break;
      case "note":
        text.push(plain(block.text));
        html.push(`<p style="${STYLE.note}">${paragraphHtml(block.text)}</p>`);
        break;
      case "action": {
        const href = mailHref(block.href);
        text.push(`${oneLine(block.text)}:\n${href}`);
        html.push(
          `<p style="${STYLE.p}"><a href="${escapeHtml(href)}" style="${STYLE.button}">${escapeHtml(oneLine(block.text))}</a></p>`,
          `<p style="${STYLE.fallback}">${escapeHtml(t("mail.link.fallback"))}<br><a href="${escapeHtml(href)}" style="${STYLE.link}">${escapeHtml(href)}</a></p>`,
        );
        break;
      }
      case "items": {
        if (block.items.length === 0) break;
        text.push(block.items.map((item) => (item.href ? `- ${oneLine(item.text)}\n  ${mailHref(item.href)}` : `- ${oneLine(item.text)}`)).join("\n"));
        const lis = block.items.map((item) =>
          item.href
            ? `<li style="margin:0 0 8px;"><a href="${escapeHtml(mailHref(item.href))}" style="${STYLE.link}">${escapeHtml(oneLine(item.text))}</a></li>`
            : `<li style="margin:0 0 8px;">${escapeHtml(oneLine(item.text))}</li>`,
        );
        html.push(`<ul style="margin:0 0 16px;padding-left:20px;">${lis.join("")}</ul>`);
        break;
      }
    }
  }
  const footerText = [t("mail.footer.sender", { site: `${site} (${BASE})` })];
  const footerHtml = [escapeHtml(t("mail.footer.sender", { site: `${site} (${BASE})` }))];
  if (options.unsubscribe) {
    footerText.push(`${t("mail.footer.unsubscribe")}: ${UNSUBSCRIBE}`);
    footerHtml.push(`<a href="${UNSUBSCRIBE}" style="${STYLE.link}">${escapeHtml(t("mail.footer.unsubscribe"))}</a>`);
  }
  const subject = oneLine(content.subject);
  return {
    subject,
    text: `${text.join("\n\n")}\n\n-- \n${footerText.join("\n")}\n`,
    html: [
      "<!DOCTYPE html>",
      `<html lang="${lang}">`,
      '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>${escapeHtml(subject)}</title></head>`,
      `<body style="${STYLE.body}"><div style="${STYLE.frame}">`,
      `<p style="${STYLE.header}">${escapeHtml(site)}</p>`,
      `<div style="${STYLE.card}">${html.join("")}</div>`,
      `<p style="${STYLE.footer}">${footerHtml.join("<br>")}</p>`,
      "</div></body></html>",
      "",
    ].join("\n"),
  };
}
