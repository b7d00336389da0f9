// The layers of src/, checked by `npm run deps` (part of `npm test`). A file may import only from
// its own layer or the layers below it; see docs/ARCHITECTURE.md for what each layer holds.
// Tests are left out: they sit on top and may reach anything.

/** Bottom first. Each entry: a name and the paths (regular expressions) it covers. */
const LAYERS = [
  ["lib", ["^src/lib/", "^src/config\\.ts$"]],
  ["domain", ["^src/domain/"]],
  ["i18n", ["^src/i18n/"]],
  ["db", ["^src/db/"]],
  ["content", ["^src/content/"]],
  ["access", ["^src/access/"]],
  ["web", ["^src/web/"]],
  ["features", ["^src/features/", "^src/publishing/"]],
  ["top", ["^src/(app|main|plugins|worker)\\.ts$", "^src/worker-from-sources\\.mjs$", "^src/(cli|demo)/"]],
];

/**
 * The features, lowest first. Features on one line (a group) may not import each other; a
 * feature may import the features of lower lines only.
 */
const FEATURES = [
  ["audit"],
  ["mail"],
  ["members"],
  ["catalog"],
  ["notifications"],
  ["case-studies", "surveys", "events"],
  ["reports", "search"],
  ["editions"],
  ["reviews"],
  ["provenance"],
  ["publishing"],
  ["api", "home"],
];

const featurePath = (name) => (name === "publishing" ? "^src/publishing/" : `^src/features/${name}/`);
const either = (paths) => `(${paths.join("|")})`;

const layerRules = LAYERS.slice(0, -1).map(([name, paths], i) => ({
  name: `layer-${name}`,
  comment: `${name} may import only from ${LAYERS.slice(0, i + 1).map(([n]) => n).join(", ")}`,
  severity: "error",
  from: { path: either(paths) },
  to: { path: either(LAYERS.slice(i + 1).flatMap(([, p]) => p)) },
}));

const featureRules = FEATURES.flatMap((group, i) =>
  group.map((name) => {
    const above = [...FEATURES.slice(i + 1).flat(), ...group.filter((other) => other !== name)];
    return {
      name: `feature-${name}`,
      comment: `${name} may import only from ${FEATURES.slice(0, i).flat().join(", ") || "no other feature"}`,
      severity: "error",
      from: { path: featurePath(name) },
      to: { path: either(above.map(featurePath)) },
    };
  }),
);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    ...featureRules,
    {
      name: "no-folder-cycles",
      comment: "folders form a graph without cycles",
      severity: "error",
      scope: "folder",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "no-module-cycles",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "routes-import-no-routes",
      comment: "shared route helpers go to web/ or the feature's service, not into another route file",
      severity: "error",
      from: { path: "routes\\.tsx?$" },
      to: { path: "routes\\.tsx?$" },
    },
    {
      name: "client-browser-only",
      comment: "src/client runs in the browser: it may use lib, domain, i18n and content, never the server's layers",
      severity: "error",
      from: { path: "^src/client/" },
      to: { path: "^src/(db|access|web|features|publishing|cli|demo)/|^src/(app|main|plugins|worker|config)\\.ts$" },
    },
    {
      name: "client-no-node",
      comment: "the browser has no Node built-ins",
      severity: "error",
      from: { path: "^src/client/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "nothing-imports-client",
      comment: "the browser bundle is built from src/client; the server never imports it",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/client/" },
      to: { path: "^src/client/" },
    },
    {
      name: "feature-not-registered",
      comment: "every file under src/ belongs to a layer",
      severity: "error",
      from: { path: "^src/", pathNot: either([...LAYERS.flatMap(([, p]) => p), "^src/client/"]) },
      to: {},
    },
  ],
  options: {
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    exclude: { path: "\\.test\\.tsx?$|node_modules|__snapshots__" },
    doNotFollow: { path: "node_modules" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "node", "default"] },
  },
};
