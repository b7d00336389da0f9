import { describe, expect, it } from "vitest";
import { LANGUAGES, type Language } from "#src/domain/languages.ts";
import { messages, MODULES, type MessageKey } from "#src/i18n/catalog.ts";
import { compileMessage, isMessageKey, negotiateLanguage, translator } from "#src/i18n/i18n.ts";
import { ERROR_STATUS } from "#src/lib/errors.ts";

const entries = Object.entries(messages) as [MessageKey, Record<Language, string>][];

type Element = ReturnType<ReturnType<typeof compileMessage>["format"]["getAst"]>[number];
/** Each argument of a parsed message and how it is used: "plural", "number", "select" or "text". */
function argumentKinds(elements: Element[], found = new Map<string, Set<string>>()): Map<string, Set<string>> {
  for (const el of elements) {
    // Literal text (0) and # (7) are not arguments; 1 is {name}, 2 {name, number}, 5 select, 6 plural.
    const kind = { 1: "text", 2: "number", 5: "select", 6: "plural" }[el.type as number];
    if (kind && "value" in el && typeof el.value === "string") found.set(el.value, (found.get(el.value) ?? new Set()).add(kind));
    if ("options" in el) for (const option of Object.values(el.options)) argumentKinds(option.value, found);
  }
  return found;
}
/** The literal words of a parsed message, every branch of its plurals included. */
function literalText(elements: Element[]): string {
  return elements.map((el) => (el.type === 0 ? el.value : "options" in el ? Object.values(el.options).map((o) => literalText(o.value)).join(" ") : "")).join("");
}
const counted = (kinds: Set<string> | undefined) => Boolean(kinds && (kinds.has("plural") || kinds.has("number")));

// ICU quoting: an apostrophe before { or } opens a quoted literal ('{ref=…}'), a doubled one is one apostrophe.
const quoted = (text: string) => text.match(/'[{}][^']*'/g) ?? [];
const apostrophes = (text: string) => (text.match(/['’]/g) ?? []).length;
const braces = (text: string) => (text.match(/[{}]/g) ?? []).length;

describe("message catalog", () => {
  it("defines each key in exactly one feature module", () => {
    const keys = Object.values(MODULES).flatMap((module) => Object.keys(module));
    expect(keys.length).toBe(new Set(keys).size);
    expect(keys.length).toBe(entries.length);
  });

  it("has a non-empty text in every language for every key, and nothing else", () => {
    for (const [key, message] of entries) {
      expect(Object.keys(message).sort(), key).toEqual([...LANGUAGES].sort());
      for (const lang of LANGUAGES) expect(message[lang].trim(), `${key} ${lang}`).not.toBe("");
    }
  });

  it("translates every message with the same arguments, counting in every language what one counts", () => {
    for (const [key, message] of entries) {
      const source = argumentKinds(compileMessage(message.en, "en").format.getAst());
      for (const lang of LANGUAGES) {
        const kinds = argumentKinds(compileMessage(message[lang], lang).format.getAst());
        expect([...kinds.keys()].sort(), `${key} ${lang}`).toEqual([...source.keys()].sort());
        // The English source gives a parameter its type: a number wherever a translation counts with it.
        for (const [name, used] of kinds) if (counted(used)) expect(counted(source.get(name)), `${key} ${lang}: ${name}`).toBe(true);
      }
    }
  });

  it("formats every message in every language without losing an apostrophe or a literal brace", () => {
    for (const [key, message] of entries) {
      for (const lang of LANGUAGES) {
        const text = message[lang];
        const ast = compileMessage(text, lang).format.getAst();
        // Every branch's words, as parsed: ICU quoting may only take the apostrophes that quote braces.
        const words = literalText(ast);
        const literal = quoted(text);
        expect(apostrophes(words), `${key} ${lang}`).toBe(apostrophes(text) - 2 * literal.length);
        expect(braces(words), `${key} ${lang}`).toBe(literal.reduce((sum, q) => sum + braces(q), 0));
        const kinds = argumentKinds(ast);
        for (const n of [0, 1, 2, 5]) {
          const params = Object.fromEntries([...kinds].map(([name, used]) => [name, counted(used) ? n : `<${name}>`]));
          const out = (translator(lang) as (k: MessageKey, p: object) => string)(key, params);
          // A select's value picks a branch (here its `other`) rather than being shown.
          for (const name of kinds.keys()) if (!counted(kinds.get(name)) && !kinds.get(name)!.has("select")) expect(out, `${key} ${lang}`).toContain(`<${name}>`);
          expect(out, `${key} ${lang}`).not.toMatch(/\{\w+\}/u);
        }
      }
    }
  });

  it("has a message for every error code", () => {
    for (const code of Object.keys(ERROR_STATUS)) expect(isMessageKey(`error.${code}`), code).toBe(true);
  });

  it("knows its keys, and nothing an object inherits", () => {
    expect(isMessageKey("nav.home")).toBe(true);
    expect(isMessageKey("nav.nowhere")).toBe(false);
    expect(isMessageKey("toString")).toBe(false);
    expect(isMessageKey("__proto__")).toBe(false);
  });
});

describe("translator", () => {
  it("fills parameters as plain text, in French with its spacing", () => {
    expect(translator("fr")("org.created", { name: "Douanes : <b>" })).toBe("Organisation «\u202fDouanes : <b>\u202f» créée.");
    expect(translator("en")("org.created", { name: "{name}" })).toBe("Organization “{name}” created.");
    expect(translator("fr")("search.count", { count: 3 })).toBe("Résultats\u202f: 3");
    expect(translator("es")("search.count", { count: 3 })).toBe("Resultados: 3");
  });

  it("keeps apostrophes and quoted braces", () => {
    expect(translator("fr")("home.title")).toBe("Un rapport d'étude vivant");
    expect(translator("en")("figure.saved", { title: "Adoption", ref: "adoption" })).toBe("The figure “Adoption” was saved. To place it in a section, write ::figure{ref=adoption}.");
  });

  it("chooses plural forms by each language's rules (French counts 0 and 1 as one, Spanish only 1)", () => {
    const count = (lang: Language, n: number) => translator(lang)("review.matrix.count", { count: n });
    expect([0, 1, 2].map((n) => count("en", n))).toEqual(["0 comments", "1 comment", "2 comments"]);
    expect([0, 1, 2].map((n) => count("fr", n))).toEqual(["0 commentaire", "1 commentaire", "2 commentaires"]);
    expect([0, 1, 2].map((n) => count("es", n))).toEqual(["0 comentarios", "1 comentario", "2 comentarios"]);
    expect(translator("en")("common.formHasErrors", { count: 1 })).toBe("Please correct the field marked below.");
    expect(translator("en")("common.formHasErrors", { count: 3 })).toBe("Please correct the 3 fields marked below.");
    expect(translator("en")("survey.answeredBy", { n: 1 })).toBe("Answered by 1 organization.");
    expect(translator("en")("proposal.endorsements", { count: 1 })).toBe("1 endorsement");
    expect(translator("en")("review.progress", { open: 1, total: 2 })).toBe("1 of 2 comments still needs a disposition.");
    expect(translator("fr")("nav.unread", { count: 1 })).toBe("1 non lu");
  });

  it("shows a parameter missing at run time as its placeholder", () => {
    const t = translator("en") as (key: MessageKey, params?: object) => string;
    expect(t("org.created")).toBe("Organization “{name}” created.");
  });

  it("checks parameters at compile time", () => {
    const t = translator("en");
    // @ts-expect-error: the message needs its name
    t("org.created");
    // @ts-expect-error: a count is a number
    t("review.matrix.count", { count: "3" });
    // @ts-expect-error: the message takes no parameters
    t("nav.home", { name: "x" });
    // @ts-expect-error: not a key
    t("nav.nowhere");
    const state = "draft" as "draft" | "submitted";
    expect(t(`cs.state.${state}`)).toBe("Draft");
  });
});

describe("negotiateLanguage", () => {
  it("picks the best supported language by quality", () => {
    expect(negotiateLanguage("de-CH, fr;q=0.8, en;q=0.5")).toBe("fr");
    expect(negotiateLanguage("es-419,es;q=0.9")).toBe("es");
    expect(negotiateLanguage("de, it")).toBeUndefined();
    expect(negotiateLanguage("en;q=0, fr;q=0.1")).toBe("fr");
    expect(negotiateLanguage(undefined)).toBeUndefined();
  });
});
