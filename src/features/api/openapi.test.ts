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
      expect(Object.keys(op.responses).some((s) => s === "200" || s === "201"), op.operationId).toBe(true);
    }
  });
});
