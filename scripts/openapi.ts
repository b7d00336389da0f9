// Writes openapi.json from the API's Zod schemas. A unit test fails when the committed file drifts.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildOpenApi } from "#src/features/api/openapi.ts";
import { API_VERSION } from "#src/features/api/version.ts";
import { PROJECT_ROOT } from "#src/lib/paths.ts";

const path = join(PROJECT_ROOT, "openapi.json");
writeFileSync(path, `${JSON.stringify(buildOpenApi(API_VERSION), null, 2)}\n`);
console.log(`Wrote ${path}`);
