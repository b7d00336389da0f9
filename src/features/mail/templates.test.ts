import { describe, expect, it } from "vitest";
import { readSignedToken, signToken } from "#src/features/mail/signed.ts";
import { mailHref, renderMail, type MailContent } from "#src/features/mail/templates.ts";

const content: MailContent = {
  subject: "Invitation:\r\n<Bcc: all> & more",
  blocks: [
    { kind: "paragraph", text: "Dear <b>Ana</b> & team,\nwelcome." },
    { kind: "action", text: "Set your password", href: "%%LINK%%" },
    { kind: "items", items: [{ text: "Survey \"2025\"", href: "/member/surveys/1" }, { text: "No link <here>" }] },
    { kind: "note", text: "The link expires in 7 days." },
  ],
};

describe("renderMail", () => {
  it("writes the plain-text and HTML parts from the same blocks", () => {
    const { text, html } = renderMail(content, "en");
    for (const words of ["welcome.", "Set your password", "The link expires in 7 days."]) {
      expect(text).toContain(words);
      expect(html).toContain(words);
    }
    expect(text).toContain("Set your password:\n%%LINK%%");
    expect(text).toContain("- Survey \"2025\"\n  %%BASE%%/member/surveys/1");
    expect(text).toContain("- No link <here>");
    expect(html).toContain('href="%%LINK%%"');
    expect(html).toContain('href="%%BASE%%/member/surveys/1"');
    expect(text).toContain("This message was sent by Living Report (%%BASE%%).");
    expect(text).not.toContain("%%UNSUBSCRIBE%%");
  });

  it("escapes every text in the HTML part and keeps the subject on one line", () => {
    const { subject, text, html } = renderMail(content, "en");
    expect(subject).toBe("Invitation: <Bcc: all> & more");
    expect(html).not.toContain("<b>");
    expect(html).toContain("Dear &lt;b&gt;Ana&lt;/b&gt; &amp; team,<br>welcome.");
    expect(html).toContain("Survey &quot;2025&quot;");
    expect(html).toContain("No link &lt;here&gt;");
    expect(html).toContain("<title>Invitation: &lt;Bcc: all&gt; &amp; more</title>");
    expect(text).toContain("Dear <b>Ana</b> & team,\nwelcome.");
  });

  it("writes the message in the recipient's language, with the lang attribute", () => {
    const fr = renderMail(content, "fr");
    expect(fr.html).toContain('<html lang="fr">');
    expect(fr.text).toContain("Ce message vous a été envoyé par Living Report");
    const es = renderMail({ ...content, blocks: [] }, "es", { unsubscribe: true });
    expect(es.html).toContain('<html lang="es">');
    expect(es.text).toContain("Dejar de recibir estos mensajes: %%UNSUBSCRIBE%%");
    expect(es.html).toContain('href="%%UNSUBSCRIBE%%"');
  });

  it("accepts site paths, the placeholders and http(s) addresses as links, nothing else", () => {
    expect(mailHref("/reports/x")).toBe("%%BASE%%/reports/x");
    expect(mailHref("%%UNSUBSCRIBE%%")).toBe("%%UNSUBSCRIBE%%");
    expect(mailHref("https://example.org/a")).toBe("https://example.org/a");
    for (const bad of ["javascript:alert(1)", "//evil.example/x", "reports/x", "data:text/html,x"]) expect(() => mailHref(bad), bad).toThrow();
  });
});

describe("signed tokens", () => {
  const secret = "a session secret of at least thirty-two characters";

  it("reads back what was signed, and nothing altered or signed with another secret", () => {
    const token = signToken(secret, "subscription:4f1c");
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(readSignedToken(secret, token)).toBe("subscription:4f1c");
    expect(readSignedToken("another secret of at least thirty-two characters", token)).toBeUndefined();
    const [payload, mac] = token.split(".");
    const forged = Buffer.from("subscription:other").toString("base64url");
    expect(readSignedToken(secret, `${forged}.${mac}`)).toBeUndefined();
    expect(readSignedToken(secret, `${payload}.${mac!.slice(0, -1)}A`)).toBeUndefined();
    for (const junk of ["", ".", "abc", `${payload}.`, `${payload}.${mac}.x`]) expect(readSignedToken(secret, junk)).toBeUndefined();
  });
});
