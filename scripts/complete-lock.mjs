// Adds lockfile entries for optional platform packages that the registry in use did not list.
//
// Native packages (the Typst compiler) publish one optional package per platform. When the
// registry that `npm install` talks to lacks some of them, npm leaves them out of
// package-lock.json and `npm ci` then refuses the lockfile. This restores one entry per missing
// platform, with the platform fields npm needs to skip it elsewhere; npm fetches it by name and
// version on the platforms that need it.
//
// Run after `npm install` has touched the lockfile: node scripts/complete-lock.mjs
import { readFileSync, writeFileSync } from "node:fs";

const PACKAGES = ["@myriaddreamin/typst-ts-node-compiler"];

// napi-rs platform suffixes → npm's os / cpu / libc fields.
const platform = (suffix) => {
  const [os, cpu, abi] = suffix.split("-");
  const entry = { os: [os], cpu: [cpu] };
  if (abi === "gnu" || abi === "gnueabihf") entry.libc = ["glibc"];
  if (abi === "musl") entry.libc = ["musl"];
  return entry;
};

export const missingEntries = (lock) => {
  const missing = [];
  for (const name of PACKAGES) {
    const main = lock.packages[`node_modules/${name}`];
    for (const [dependency, version] of Object.entries(main?.optionalDependencies ?? {})) {
      if (!lock.packages[`node_modules/${dependency}`]) missing.push({ dependency, version, suffix: dependency.slice(name.length + 1) });
    }
  }
  return missing;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = new URL("../package-lock.json", import.meta.url);
  const lock = JSON.parse(readFileSync(file, "utf8"));
  const missing = missingEntries(lock);
  for (const { dependency, version, suffix } of missing) {
    lock.packages[`node_modules/${dependency}`] = { version, ...platform(suffix), optional: true };
  }
  const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
  writeFileSync(file, `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
  console.log(missing.length ? `Added ${missing.map((m) => m.dependency).join(", ")}` : "Nothing missing.");
}
