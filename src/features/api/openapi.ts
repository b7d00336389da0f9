import { z } from "zod";
import { SCOPE_ROLE, scopesCovering } from "#src/domain/members.ts";
import { ENDPOINTS, type Endpoint, type ErrorStatus } from "#src/features/api/endpoints.ts";
import { ErrorBody } from "#src/features/api/schemas.ts";

// openapi.json, generated from the endpoints' Zod schemas (JSON Schema 2020-12, as OpenAPI 3.1
// uses). `npm run openapi` writes it; a test fails when the committed file drifts.

const jsonSchema = (schema: z.ZodType, io: "input" | "output") => {
  const out = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any", reused: "inline" }) as Record<string, unknown>;
  delete out.$schema;
  return out;
};

const parameters = (e: Endpoint) => [
  ...Object.entries(e.params?.shape ?? {}).map(([name, s]) => ({ name, in: "path", required: true, description: (s as z.ZodType).description, schema: jsonSchema(s as z.ZodType, "input") })),
  ...Object.entries(e.query?.shape ?? {}).map(([name, s]) => {
    const schema = s as z.ZodType;
    const input = jsonSchema(schema, "input");
    return { name, in: "query", required: !schema.safeParse(undefined).success, description: schema.description, schema: input };
  }),
  ...(e.headers ?? []).map((h) => ({ name: h.name, in: "header", required: false, description: h.description, schema: { type: "string" } })),
].map((p) => (p.description ? p : { name: p.name, in: p.in, required: p.required, schema: p.schema }));

const ERRORS: Record<ErrorStatus, string> = {
  400: "Invalid parameters (VALIDATION_FAILED)",
  401: "No valid token (UNAUTHENTICATED)",
  403: "Not allowed (FORBIDDEN, NOT_INVITED; TOKEN_SCOPE when the token lacks the scope)",
  404: "Not found (NOT_FOUND)",
  409: "The state does not allow it (e.g. ROUND_CLOSED)",
  415: "The body is not JSON (UNSUPPORTED_MEDIA_TYPE)",
  422: "Understood but refused (CONFIRMATION_MISMATCH)",
  428: "A precondition header is missing (PRECONDITION_REQUIRED)",
};

/** The statuses an operation's refusals are documented with: the usual ones for its kind, and its own. */
const errorStatuses = (e: Endpoint): ErrorStatus[] => {
  const usual: ErrorStatus[] = e.auth ? [400, 401, 403, 404, 409] : [400, 404];
  return [...new Set([...usual, ...(Object.keys(e.errors ?? {}).map(Number) as ErrorStatus[])])].sort((a, b) => a - b);
};

/** Who may call it: the token scope (or one that includes it) and the least role of the token's owner. */
const access = (e: Endpoint) => {
  const scope = e.scope ?? "read";
  const including = scopesCovering(scope).filter((s) => s !== scope);
  const also = including.length ? ` (or ${including.join(" or ")}, which include it)` : "";
  return `Token scope: ${scope}${also}; the token's owner must be ${e.role ?? SCOPE_ROLE[scope]} or above.`;
};

const success = (e: Endpoint, status: number, description: string) => ({
  description,
  ...(e.method === "get" ? { headers: { ETag: { description: "Send it back in If-None-Match to get 304 when nothing changed", schema: { type: "string" } } } } : {}),
  ...(e.responseHeaders ? { headers: Object.fromEntries(Object.entries(e.responseHeaders).map(([name, description]) => [name, { description, schema: { type: "string" } }])) } : {}),
  content: { "application/json": { schema: jsonSchema(e.response, "output") } },
});

export function buildOpenApi(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of ENDPOINTS) {
    const description = [e.description, e.auth ? access(e) : undefined].filter(Boolean).join(" ");
    paths[e.path] ??= {};
    paths[e.path]![e.method] = {
      operationId: e.id,
      summary: e.summary,
      ...(description ? { description } : {}),
      tags: [e.tag],
      // OpenAPI 3.1 lets a bearer scheme list the roles it needs: here, the token's scope. Each
      // requirement is an alternative: the scope itself, or one that includes it.
      ...(e.auth ? { security: scopesCovering(e.scope ?? "read").map((s) => ({ token: [s] })) } : {}),
      parameters: parameters(e),
      // A body whose fields are all optional may be left out.
      ...(e.body ? { requestBody: { required: !e.body.safeParse({}).success, content: { "application/json": { schema: jsonSchema(e.body, "input") } } } } : {}),
      responses: {
        [String(e.status ?? 200)]: success(e, e.status ?? 200, e.status === 202 ? "Accepted: the work goes on in a job" : e.status === 201 ? "Created" : "OK"),
        ...Object.fromEntries((e.alsoAnswers ?? []).map((a) => [String(a.status), success(e, a.status, a.description)])),
        ...(e.method === "get" && !e.responseHeaders?.ETag ? { 304: { description: "Not modified since the ETag sent in If-None-Match" } } : {}),
        ...Object.fromEntries(
          errorStatuses(e).map((status) => [String(status), { description: e.errors?.[status] ?? ERRORS[status], content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]),
        ),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Living Report API",
      version,
      description:
        "Read what the public site shows (reports, published editions, figures with their data, recommendations, case studies, events, search) and, with a personal token, do what a signed-in member may: comment in review rounds, and for the secretariat edit the living draft, freeze, check, publish and withdraw editions. A token has scopes (read, comment, edit, publish; edit and publish include read), never more than its owner's role allows; an operation its scopes do not cover answers 403 TOKEN_SCOPE. Errors are JSON with a stable code. Lists are paged (page=1, 2, …).",
    },
    servers: [{ url: "/" }],
    tags: [...new Set(ENDPOINTS.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: jsonSchema(ErrorBody, "output") },
      securitySchemes: { token: { type: "http", scheme: "bearer", description: "A personal API token, created under My account" } },
    },
  };
}
