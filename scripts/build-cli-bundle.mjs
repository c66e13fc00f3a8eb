#!/usr/bin/env node
// Bundles the CLI (dist/cli.js and everything it imports from dist/) into a few ES modules in
// dist/bin/, which bin/keyway.js runs. Node's ES module loader costs ~1 ms and ~0.1 MB per module it
// loads, and plain generation loads ~120 of keyway's; bundled, they are a handful (measured on
// GitHub's API: ~100-150 ms less start-up on this machine, ~7 MB less resident memory). Modules
// that only some runs need (the schema compiler, YAML, overlays, the TypeScript checker...) stay
// separate chunks, still loaded only when needed; of the packages under node_modules only those in
// BUNDLED_PACKAGES are bundled (their licenses are written beside the bundle, THIRD_PARTY_LICENSES.txt).
//
//   node scripts/build-cli-bundle.mjs      (run by `npm run build`, after tsc and the other build scripts)
//
// The bundle finds its files as dist/ does: the package root two folders up (dist/emit/package-root.ts),
// precompiled validators and templates in validators/ and templates/ beside the module that loads
// them, so those two folders are copied in beside the bundle. dist/ itself stays as tsc wrote it,
// for the library entry (dist/index.js) and for anyone importing dist/cli.js.
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(repo, 'dist');
const target = join(dist, 'bin');
const staging = join(dist, '.bin.tmp');

for (const built of ['cli.js', 'load/validators', 'emit/templates']) {
  if (!existsSync(join(dist, built))) throw new Error(`dist/${built} is missing (npm run build runs tsc and the other build scripts first)`);
}

/**
 * The packages every plain generation loads, bundled in: each is a few CommonJS modules that Node
 * otherwise resolves, reads and wraps one by one at start-up (commander 7, Handlebars' runtime 21);
 * bundled, generating GitHub's client starts ~15 ms sooner. Every other package (the schema compiler,
 * YAML, overlays, ts-morph...) stays external, loaded from node_modules only by the runs that need it.
 */
const BUNDLED_PACKAGES = new Set(['commander', 'picocolors', 'handlebars/runtime.js']);

/** esbuild's `packages: 'external'`, except for the bare specifiers in `bundled`. */
function externalPackagesBut(bundled) {
  return {
    name: 'external-packages-but',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        // The entry point and absolute paths (C:\… on Windows matches the filter) are ours, not packages.
        if (args.kind === 'entry-point' || isAbsolute(args.path) || args.path.startsWith('node:') || bundled.has(args.path)) return undefined;
        return { path: args.path, external: true };
      });
    },
  };
}

rmSync(staging, { recursive: true, force: true });
await build({
  entryPoints: [join(dist, 'cli.js')],
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [externalPackagesBut(BUNDLED_PACKAGES)],
  // the bundled CommonJS packages require Node's built-in modules, which an ES module does through a require of its own
  banner: { js: "import { createRequire as createRequire$ } from 'node:module';\nconst require = createRequire$(import.meta.url);" },
  // esbuild rewrites a regex literal with `\p{…}` outside a character class as `new RegExp(…)`
  // (src/plan/identifiers.ts has four), which Node 20 does not need, and which then compiles again on
  // every call: naming GitHub's ~3,200 identifiers took ~100 ms more bundled than from dist/.
  supported: { 'regexp-unicode-property-escapes': true },
  logLevel: 'warning',
  // precompiled validators and templates are imported by computed URL, on purpose
  logOverride: { 'unsupported-dynamic-import': 'silent' },
});
cpSync(join(dist, 'load', 'validators'), join(staging, 'validators'), { recursive: true });
cpSync(join(dist, 'emit', 'templates'), join(staging, 'templates'), { recursive: true });
// The bundled packages' notices travel with their copies (MIT and ISC ask for it).
const notices = ['commander', 'picocolors', 'handlebars'].map((name) => {
  const { version } = JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8'));
  return `${name} ${version}\n\n${readFileSync(join(repo, 'node_modules', name, 'LICENSE'), 'utf8').trim()}\n`;
});
writeFileSync(join(staging, 'THIRD_PARTY_LICENSES.txt'), `Bundled into this folder's modules:\n\n${notices.join('\n---\n\n')}`);
// swapped in whole, so an interrupted build never leaves half a bundle behind
rmSync(target, { recursive: true, force: true });
renameSync(staging, target);
