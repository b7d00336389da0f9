import { describe, expect, it } from "vitest";
import { mailErrorText } from "#src/features/mail/views.tsx";
import { translator } from "#src/i18n/i18n.ts";

describe("delivery errors on the outbox pages", () => {
  it("translates the stored codes and keeps the SMTP server's own words as they are", () => {
    const fr = translator("fr");
    expect(mailErrorText(fr, "LINK_INVALID")).toMatch(/^Non envoyé/);
    expect(mailErrorText(fr, "USER_DEACTIVATED")).toContain("désactivé");
    expect(mailErrorText(fr, "SMTP_550: 550 No such mailbox")).toMatch(/^Le serveur SMTP l.a refusé \(code 550\).*550 No such mailbox$/);
    expect(mailErrorText(translator("es"), "NETWORK: connect ECONNREFUSED 127.0.0.1:25")).toBe("No se pudo contactar con el servidor SMTP: connect ECONNREFUSED 127.0.0.1:25");
    expect(mailErrorText(translator("en"), "ERROR: something odd")).toBe("Sending failed: something odd");
  });

  it("shows an error it does not know as stored", () => {
    expect(mailErrorText(translator("en"), "The connection dropped.")).toBe("The connection dropped.");
    expect(mailErrorText(translator("en"), "SOMETHING_NEW")).toBe("SOMETHING_NEW");
  });
});
