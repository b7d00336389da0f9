import type { FastifyInstance, FastifyRequest } from "fastify";
import formbody from "@fastify/formbody";
import { appError } from "#src/lib/errors.ts";
import { assertValidEscapes, assertValidText } from "#src/lib/text.ts";
import { isPart } from "#src/web/uploads.ts";

// The one gate for text that comes in over HTTP: query strings, route parameters, forms (URL-encoded
// and multipart) and JSON. Text holding NUL, lone surrogates, other control characters or
// noncharacters, or bytes that are not UTF-8, is refused with INVALID_CHARACTERS before any route
// runs (imports check the text they read with the same assertValidText).

const utf8 = new TextDecoder("utf-8", { fatal: true });


// A multipart body holds part objects (with streams and a link back to the whole form): only a
// field's value and a file's name are text.
const textOf = (v: unknown): unknown => (isPart(v) ? (v.type === "file" ? v.filename : v.value) : Array.isArray(v) ? v.map(textOf) : v);

/** A URL-encoded form as fields: a field sent more than once (checkboxes) becomes a list. */
function parseForm(raw: string): Record<string, string | string[]> {
  const fields = new Map<string, string | string[]>();
  for (const [k, v] of new URLSearchParams(raw)) {
    const seen = fields.get(k);
    if (Array.isArray(seen)) seen.push(v);
    else fields.set(k, seen === undefined ? v : [seen, v]);
  }
  return Object.fromEntries(fields);
}

function checkRequest(request: FastifyRequest) {
  const query = request.url.indexOf("?");
  if (query >= 0) assertValidEscapes(request.url.slice(query + 1));
  assertValidText(request.query);
  assertValidText(request.params);
  const body = request.body;
  if (request.isMultipart() && body && typeof body === "object") assertValidText(Object.fromEntries(Object.entries(body).map(([k, v]) => [k, textOf(v)])));
  else assertValidText(body);
}

/** Registers the form and JSON parsers that refuse bytes that are not UTF-8, and the check of every request's text. */
export async function registerTextInput(app: FastifyInstance) {
  await app.register(formbody, {
    // Browsers percent-encode everything outside ASCII, so a raw U+FFFD here stands for bytes
    // that were not UTF-8.
    parser: (raw: string) => {
      if (raw.includes("\ufffd")) throw appError("INVALID_CHARACTERS");
      assertValidEscapes(raw);
      return parseForm(raw);
    },
  });
  const json = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(appError("INVALID_CHARACTERS"), undefined);
      return;
    }
    // Fastify's JSON parser is the callback kind: it answers through done, its return is nothing to wait for.
    void json(request, text, done);
  });
  // preHandler, not preValidation: multipart fields are read into the body in preValidation.
  app.addHook("preHandler", async (request) => checkRequest(request));
}
