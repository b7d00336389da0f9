import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ZodError } from "zod";
import { isDatabaseTimeout } from "#src/db/errors.ts";
import { AppError, isAppError, type ErrorCode } from "#src/lib/errors.ts";
import { fieldErrors } from "#src/lib/validation.ts";
import { isLanguage, translator } from "#src/i18n/i18n.ts";
import { Layout } from "#src/web/layout.tsx";
import { pageContext, sendPage } from "#src/web/render.ts";
import { isBrokenUpload } from "#src/web/uploads.ts";

const english = translator("en");

// Errors thrown by Fastify and its plugins, mapped onto our catalogue.
const PLUGIN_CODES: Record<string, ErrorCode> = {
  FST_CSRF_INVALID_TOKEN: "CSRF_INVALID",
  FST_CSRF_MISSING_SECRET: "CSRF_INVALID",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_REQ_FILE_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_FILES_LIMIT: "PAYLOAD_TOO_LARGE",
  FST_FIELDS_LIMIT: "PAYLOAD_TOO_LARGE",
  FST_PARTS_LIMIT: "PAYLOAD_TOO_LARGE",
  FST_INVALID_MULTIPART_CONTENT_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_PROTO_VIOLATION: "BAD_REQUEST",
  FST_ERR_CTP_EMPTY_JSON_BODY: "BAD_REQUEST",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "BAD_REQUEST",
};
const BY_STATUS: Record<number, ErrorCode> = { 400: "BAD_REQUEST", 401: "UNAUTHENTICATED", 403: "FORBIDDEN", 404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED", 413: "PAYLOAD_TOO_LARGE", 415: "UNSUPPORTED_MEDIA_TYPE", 429: "RATE_LIMITED" };

/** Turns anything thrown into a catalogue error; unknown ones become INTERNAL. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  // A schema parse that escaped its route is still the client's bad input, not our failure.
  if (error instanceof ZodError) return new AppError("VALIDATION_FAILED", fieldErrors(error));
  // A query the database gave up on (a timeout, no connection or turn in time): try again later.
  if (isDatabaseTimeout(error)) return new AppError("UNAVAILABLE");
  const e = error as Partial<FastifyError>;
  const mapped = e.code ? PLUGIN_CODES[e.code] : undefined;
  if (mapped) return new AppError(mapped);
  // Any other client error a plugin raises (a multipart JSON field that is not JSON, a bad URL...)
  // is still the client's: its status if we have a code for it, else a plain 400.
  const status = typeof e.statusCode === "number" ? e.statusCode : 0;
  if (status >= 400 && status < 500) return new AppError(BY_STATUS[status] ?? "BAD_REQUEST");
  return new AppError("INTERNAL");
}

export const wantsJson = (request: FastifyRequest) =>
  request.url.startsWith("/api/") || (!(request.headers.accept ?? "").includes("text/html") && (request.headers.accept ?? "").includes("json"));

// A page of an edition names its language in its address (/reports/<report>/<edition>/<lang>/…).
const EDITION_PAGE_LANGUAGE = /^\/reports\/[^/?#]+\/[^/?#]+\/([a-z]{2})(?:[/?#]|$)/;

/**
 * Answers with the catalogue error as JSON or as a page, in the request's language; under an
 * edition's pages in a language, in that one, as the page the reader was reading.
 */
export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const pageLang = EDITION_PAGE_LANGUAGE.exec(request.url)?.[1];
  if (isLanguage(pageLang) && pageLang !== request.lang) {
    request.lang = pageLang;
    request.t = translator(pageLang);
  }
  if (error.code === "UNAUTHENTICATED" && request.method === "GET" && !wantsJson(request)) {
    return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
  }
  const message = request.t(`error.${error.code}`);
  if (error.retryAfter !== undefined) reply.header("retry-after", String(error.retryAfter));
  if (wantsJson(request)) {
    return reply.status(error.status).send({ error: { code: error.code, message, fields: error.fields, ...(error.details === undefined ? {} : { details: error.details }), requestId: request.id } });
  }
  const ctx = pageContext(request, reply);
  const title = error.status === 404 ? ctx.t("error.notFoundTitle") : error.status === 403 ? ctx.t("error.forbiddenTitle") : ctx.t("error.title");
  return sendPage(
    reply,
    <Layout ctx={ctx} title={title}>
      <div class="error-page">
        <p class="eyebrow">{error.status}</p>
        <h1>{title}</h1>
        <p class="lead">{message}</p>
        {error.status >= 500 && <p class="muted">{ctx.t("error.requestId", { id: request.id })}</p>}
        <p>
          <a class="button" href="/">
            {ctx.t("error.back")}
          </a>
        </p>
      </div>
    </Layout>,
    error.status,
  );
}

/**
 * Fastify's own refusals that come before any hook has run (a URL that is not valid
 * percent-encoding): no language or page context exists yet, so the catalogue's JSON in English.
 */
export function sendFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const appErr = toAppError(error);
  // Fastify ignores this handler's result: the reply is sent, nothing waits for it.
  void reply.status(appErr.status).send({ error: { code: appErr.code, message: english(`error.${appErr.code}`), fields: {}, requestId: request.id } });
}

/** Installs the error and not-found handlers. */
export function registerErrorHandlers(app: FastifyInstance) {
  app.setErrorHandler((error, request, reply) => {
    const appErr = isBrokenUpload(request, error) ? new AppError("BAD_REQUEST") : toAppError(error);
    if (appErr.status >= 500) request.log.error({ err: error, requestId: request.id }, "unhandled error");
    else request.log.info({ code: appErr.code, status: appErr.status }, english(`error.${appErr.code}`));
    return sendError(request, reply, appErr);
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, new AppError("NOT_FOUND")));
}
