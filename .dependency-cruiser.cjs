/**
 * Layer rules, checked by `npm run lint:deps` (part of `npm test`). Folders under lib/ may not
 * depend on each other in a circle, lib/ never reaches into the UI, and the CLI, which runs on
 * an admin's machine, reaches the server only over HTTP: it may use lib/core, the API contracts
 * (lib/contracts) and its own files.
 * The database user store is reached only through the UserStore interface (lib/user-stores).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-folder-cycles",
      comment: "Folders under lib/ form layers: a circle between two of them means a piece belongs a layer down.",
      severity: "error",
      scope: "folder",
      from: { path: "^lib/" },
      to: { path: "^lib/", circular: true },
    },
    {
      name: "no-file-cycles",
      severity: "error",
      from: { path: "^(lib|app|components)/" },
      to: { circular: true },
    },
    {
      name: "lib-not-ui",
      comment: "lib/ is below the UI: it must not import app/ or components/.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "cli-only-core",
      comment: "The CLI talks to the server over HTTP; it may import lib/core, lib/contracts and lib/cli only (plus packages).",
      severity: "error",
      from: { path: "^lib/cli/" },
      to: { path: "^lib/", pathNot: "^lib/(cli|core|contracts)/" },
    },
    {
      name: "contracts-are-pure",
      comment:
        "lib/contracts holds the APIs' zod schemas, shared by routes, the CLI and tests: client-safe, built on lib/core and zod only.",
      severity: "error",
      from: { path: "^lib/contracts/" },
      to: { path: "^(lib|app|components)/", pathNot: "^lib/(contracts|core)/" },
    },
    {
      name: "contracts-only-zod",
      comment: "No other package in lib/contracts: it must stay importable by the CLI and in the browser.",
      severity: "error",
      from: { path: "^lib/contracts/" },
      to: {
        dependencyTypes: ["npm", "npm-dev", "npm-optional", "npm-peer", "npm-no-pkg", "npm-unknown", "core"],
        pathNot: "^node_modules/zod/",
      },
    },
    {
      name: "core-is-pure",
      comment: "lib/core is client-safe and depends on nothing else in the project.",
      severity: "error",
      from: { path: "^lib/core/" },
      to: { path: "^(lib|app|components)/", pathNot: "^lib/core/|^lib/errors\\.ts$" },
    },
    {
      name: "user-store-behind-interface",
      comment:
        "The database user store is one UserStore among those #13 adds: code outside lib/user-stores reaches it through userStoreFor, never by importing it (ARCHITECTURE.md, User stores).",
      severity: "error",
      from: { pathNot: "^lib/user-stores/" },
      to: { path: "^lib/user-stores/database-" },
    },
    {
      name: "app-through-commands",
      comment:
        "app/ reaches data only through commands and their adapters (lib/transport/command-*.ts, loadPage): never the database client or the raw route and action wrappers.",
      severity: "error",
      from: { path: "^(app|components)/" },
      to: { path: "^lib/(db/client|transport/(route|action))\\.ts$" },
    },
    {
      name: "domains-not-transport",
      comment:
        "Domains sit below the transport: only the adapters (lib/transport, and the API adapters lib/management, lib/apim, lib/oauth2, lib/scim) may import it.",
      severity: "error",
      from: { path: "^lib/", pathNot: "^lib/(transport|management|apim|oauth2|scim)/" },
      to: { path: "^lib/transport/" },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)lib/db/generated/|\\.next/|\\.test\\.tsx?$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
    },
  },
};
