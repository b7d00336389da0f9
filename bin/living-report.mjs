#!/usr/bin/env node
// The CLI. It runs the bundle that `npm install` (and `npm start`, `npm test`) build into dist/;
// from a checkout that was never built, it runs the TypeScript sources through tsx instead.
import { existsSync } from "node:fs";

const bundle = new URL("../dist/cli.mjs", import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
