import { z } from "zod";
import { ENDPOINTS, type Endpoint } from "#src/features/api/endpoints.ts";
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
].map((p) => (p.description ? p : { name: p.name, in: p.in, required: p.required, schema: p.schema }));

const ERRORS = { 400: "Invalid parameters (VALIDATION_FAILED)", 401: "No valid token (UNAUTHENTICATED)", 403: "Not allowed (FORBIDDEN, NOT_INVITED)", 404: "Not found (NOT_FOUND)", 409: "The state does not allow it (e.g. ROUND_CLOSED)" } as const;

export function buildOpenApi(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of ENDPOINTS) {
    const errors = e.auth ? ([400, 401, 403, 404, 409] as const) : ([400, 404] as const);
    paths[e.path] ??= {};
    paths[e.path]![e.method] = {
      operationId: e.id,
      summary: e.summary,
      tags: [e.tag],
      ...(e.auth ? { security: [{ token: [] }] } : {}),
      parameters: parameters(e),
      ...(e.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(e.body, "input") } } } } : {}),
      responses: {
        [String(e.status ?? 200)]: {
          description: "OK",
          ...(e.method === "get" ? { headers: { ETag: { description: "Send it back in If-None-Match to get 304 when nothing changed", schema: { type: "string" } } } } : {}),
          content: { "application/json": { schema: jsonSchema(e.response, "output") } },
        },
        ...(e.method === "get" ? { 304: { description: "Not modified since the ETag sent in If-None-Match" } } : {}),
        ...Object.fromEntries(errors.map((status) => [String(status), { description: ERRORS[status], content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }])),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Living Report API",
      version,
      description: "Read what the public site shows (reports, published editions, figures with their data, recommendations, case studies, events, search) and, with a personal token, do what a signed-in member may. Errors are JSON with a stable code. Lists are paged (page=1, 2, …).",
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
