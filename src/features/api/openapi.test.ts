import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { buildOpenApi } from "#src/features/api/openapi.ts";
import { API_VERSION } from "#src/features/api/version.ts";
import { PROJECT_ROOT } from "#src/lib/paths.ts";

const committed = JSON.parse(readFileSync(join(PROJECT_ROOT, "openapi.json"), "utf8")) as Record<string, unknown>;

describe("openapi.json", () => {
  it("is what the Zod schemas generate (run `npm run openapi` after changing the API)", () => {
    expect(JSON.parse(JSON.stringify(buildOpenApi(API_VERSION)))).toEqual(committed);
  });

  it("is a valid OpenAPI 3.1 document for an independent validator", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(committed));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("documents every operation with an id, a summary and a success response", () => {
    const paths = committed.paths as Record<string, Record<string, { operationId: string; summary: string; responses: Record<string, unknown> }>>;
    const ops = Object.values(paths).flatMap((methods) => Object.values(methods));
    expect(ops.length).toBeGreaterThanOrEqual(10);
    expect(new Set(ops.map((o) => o.operationId)).size).toBe(ops.length);
    for (const op of ops) {
      expect(op.summary, op.operationId).toBeTruthy();
      expect(Object.keys(op.responses).some((s) => s === "200" || s === "201" || s === "202"), op.operationId).toBe(true);
    }
  });

  it("documents the editorial operations with their token scope, preconditions and refusals", () => {
    const paths = committed.paths as Record<string, Record<string, { operationId: string; security?: Record<string, string[]>[]; parameters: { name: string; in: string }[]; responses: Record<string, unknown> }>>;
    const byId = new Map(Object.values(paths).flatMap((methods) => Object.values(methods)).map((op) => [op.operationId, op]));
    // Each security requirement is an alternative: the scope, or one that includes it (edit and publish include read).
    const read = [{ token: ["read"] }, { token: ["edit"] }, { token: ["publish"] }];
    const scopes = { getDraft: [{ token: ["edit"] }], saveSection: [{ token: ["edit"] }], freezeEdition: [{ token: ["edit"] }], refreshEdition: [{ token: ["edit"] }], checkEdition: read, publishEdition: [{ token: ["publish"] }], withdrawEdition: [{ token: ["publish"] }], getJob: read, addReviewComment: [{ token: ["comment"] }], getMe: read };
    for (const [id, security] of Object.entries(scopes)) {
      const op = byId.get(id);
      expect(op, id).toBeDefined();
      expect(op!.security, id).toEqual(security);
      expect(op!.responses["401"], id).toBeDefined();
      expect(op!.responses["403"], id).toBeDefined();
    }
    const save = byId.get("saveSection")!;
    expect(save.parameters.filter((p) => p.in === "header").map((p) => p.name)).toEqual(["If-Match", "If-None-Match"]);
    expect(Object.keys(save.responses)).toEqual(expect.arrayContaining(["200", "201", "409", "428"]));
    for (const id of ["publishEdition", "withdrawEdition"]) expect(Object.keys(byId.get(id)!.responses), id).toEqual(expect.arrayContaining(["202", "409"]));
    // Public reads take no token.
    expect(byId.get("getEdition")!.security).toBeUndefined();
  });
});
