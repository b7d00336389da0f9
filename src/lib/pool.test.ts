import { afterAll, describe, expect, it } from "vitest";
import { renderMarkdown } from "#src/content/render.ts";
import { isAppError } from "#src/lib/errors.ts";
import { closePool, poolThreads, runInPool } from "#src/lib/pool.ts";
import { nestedTablesDocx } from "#test/helpers/hostile.ts";

const codeOf = (e: unknown) => (isAppError(e) ? `${e.code} ${e.status}` : String(e));
const request = (markdown: string) => ({ markdown, lang: "fr", idPrefix: "s", resolutions: [] });

afterAll(closePool);

describe("worker pool", () => {
  it("renders on a worker thread, in the language asked, and relays catalogue errors as such", async () => {
    const { html } = await runInPool<{ html: string }>("markdown", request("Un texte[^1].\n\n[^1]: Une note."));
    expect(html).toContain('aria-label="Retour au texte"');
    expect(poolThreads()).toBeGreaterThan(0);
    const refused = await runInPool("spreadsheet", { data: Buffer.from("\u0000\u0001binary") }).catch((e: unknown) => e);
    expect(codeOf(refused)).toBe("FILE_TYPE_NOT_ALLOWED 415");
  });

  it("stops a task over its time limit (the thread is replaced) and refuses it as too complex", async () => {
    const slow = runInPool("markdown", request("*a* _b_ ".repeat(15_000)), { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(codeOf(await slow)).toBe("TOO_COMPLEX 422");
    // The pool still works afterwards, on a fresh thread.
    expect((await runInPool<{ html: string }>("markdown", request("*ok*"))).html).toBe("<p><em>ok</em></p>");
  });

  it("turns a stack the input was built to exhaust into a clean refusal, never a crash", async () => {
    expect(codeOf(await runInPool("markdown", request(`${"- ".repeat(5000)}a`)).catch((e: unknown) => e))).toBe("TOO_COMPLEX 422");
    expect(codeOf(await runInPool("word", { data: nestedTablesDocx(), technologies: [], language: "en" }).catch((e: unknown) => e))).toBe("TOO_COMPLEX 422");
  });

  it("keeps rendered HTML: the same text, language and references are not rendered twice", async () => {
    const text = `${"A long paragraph with *emphasis*. ".repeat(100)}\n\n:case-study[x]{ref=pe-cadena}`;
    const first = await renderMarkdown(text, { lang: "en", idPrefix: "c" });
    const again = await renderMarkdown(text, { lang: "en", idPrefix: "c" });
    expect(again).toBe(first);
    // What a reference resolves to is part of the key: a renamed case study shows its new title.
    const renamed = await renderMarkdown(text, { lang: "en", idPrefix: "c", resolve: () => ({ title: "Renamed", href: "/case-studies/pe-cadena" }) });
    expect(renamed).not.toBe(first);
    expect(renamed.html).toContain('href="/case-studies/pe-cadena"');
    expect(await renderMarkdown(text, { lang: "en", idPrefix: "d" })).not.toBe(first);
  });
});
