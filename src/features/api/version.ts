import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "#src/lib/paths.ts";

/** The API's version is the product's (package.json), so openapi.json changes with a release. */
export const API_VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string }).version;
