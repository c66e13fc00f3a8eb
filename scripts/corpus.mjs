#!/usr/bin/env node
// The real-world corpus: every OpenAPI/Swagger document in @readme/oas-examples (JSON and YAML)
// and GitHub's REST API. Each one is generated, then all clients are type-checked together, once
// per module setting, by TypeScript 7 under strict. A document the OpenAPI specification itself
// calls invalid must fail with a KeywayError whose code and reason are listed below.
//
//   node scripts/corpus.mjs            (after `npm run build`: uses dist/)
//
// Prints one row per document: version, operations, result. Exits 1 when a document fails
// unexpectedly. test/snapshot/corpus.test.ts runs the same functions against src/.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { consumerCompilerOptions, tscCommand } from './lib/tsc-command.mjs';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = 'node_modules/@readme/oas-examples';
const GITHUB = 'node_modules/@octokit/openapi/generated/api.github.com.json';

/**
 * Documents the OpenAPI specification calls invalid, with the error keyway must give. Keyed by
 * the document's corpus name; the value is `<code> <pointer>` the error must carry.
 */
export const EXPECTED_INVALID = {
  // OpenAPI 3.0: "The Responses Object MUST contain at least one response code".
  'oas-examples/3.0/json/openapi-workshop/post.json': {
    code: 'E_INVALID',
    pointer: '#/paths/~1hoot/post/responses',
    why: 'empty `responses` (3.0 requires at least one response code)',
  },
  // OpenAPI 3.0: "Each name MUST correspond to a security scheme which is declared in the Security
  // Schemes under the Components Object"; this document has no components at all.
  ...Object.fromEntries(
    ['json', 'yaml'].map((format) => [
      `oas-examples/3.0/${format}/response-http-behavior.${format}`,
      {
        code: 'E_SECURITY',
        pointer: '#/paths/~1cache/get/security/0/api_key',
        why: 'security requirement names `api_key`, which no securitySchemes entry declares',
      },
    ]),
  ),
};

/**
 * @typedef {{ name: string, path: string }} CorpusDocument
 * @typedef {{ code: string, pointer?: string, message: string }} DocumentedError
 * @typedef {{
 *   name: string, path: string, dir: string, version: string, operations: number | undefined,
 *   ms: number, error?: DocumentedError, crash?: string,
 *   diagnostics: { NodeNext?: string, Bundler?: string },
 * }} CorpusRow
 */

/** Every corpus document, in a stable order: oas-examples by version then path, then GitHub. */
export function corpusDocuments(root = REPO_ROOT) {
  /** @type {CorpusDocument[]} */
  const documents = [];
  for (const version of ['2.0', '3.0', '3.1']) {
    for (const format of ['json', 'yaml']) {
      const folder = join(root, EXAMPLES, version, format);
      const names = readdirSync(folder, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith(`.${format}`))
        .map((name) => name.split(sep).join('/'))
        .sort();
      for (const name of names) documents.push({ name: `oas-examples/${version}/${format}/${name}`, path: join(folder, name) });
    }
  }
  documents.push({ name: 'github/api.github.com.json', path: join(root, GITHUB) });
  return documents;
}

/** A folder name for a document's client: its corpus name with every non-word run as `_`. */
export function clientFolder(name) {
  return name.replace(/\W+/g, '_');
}

/** keyway's own errors, whichever copy of the class (src or dist) threw them. */
function isKeywayError(error) {
  return error instanceof Error && error.name === 'KeywayError' && typeof error.code === 'string';
}

/**
 * Generates a client per document into `outRoot/<clientFolder(name)>`, one after another (the work
 * is CPU-bound; running them together only raises peak memory). Never throws for a document: a
 * KeywayError becomes `error`, anything else `crash`.
 */
export async function generateAll(documents, { generate, outRoot, onRow }) {
  /** @type {CorpusRow[]} */
  const rows = [];
  for (const document of documents) {
    const dir = join(outRoot, clientFolder(document.name));
    const started = performance.now();
    /** @type {CorpusRow} */
    const row = { ...document, dir, version: folderVersion(document.name), operations: undefined, ms: 0, diagnostics: {} };
    try {
      const result = await generate({ input: document.path, output: dir });
      row.version = result.summary.specVersion;
      row.operations = result.summary.operations;
    } catch (error) {
      if (isKeywayError(error)) row.error = { code: error.code, pointer: error.location?.pointer, message: error.message.replace(document.path, document.name) };
      else row.crash = error instanceof Error ? (error.stack ?? error.message) : String(error);
    }
    row.ms = performance.now() - started;
    rows.push(row);
    onRow?.(row);
  }
  return rows;
}

function folderVersion(name) {
  return /\/(\d\.\d)\//.exec(name)?.[1] ?? '?';
}

/** How to start tsc: the JS shim of the installed `typescript` package (tests pass the native binary). */
export function defaultTsc() {
  return tscCommand();
}

/**
 * Type-checks every generated client under `outRoot` in one tsc run per module setting, as a
 * user's strict project would (DOM libs, no @types), and hands each client the diagnostics whose
 * file lies in its folder. Diagnostics outside every client's folder go to `unattributed`.
 */
export async function typecheckAll(rows, { outRoot, moduleResolution, tsc = defaultTsc() }) {
  const clients = rows.filter((row) => row.operations !== undefined);
  const configName = `tsconfig.${moduleResolution.toLowerCase()}.json`;
  // NodeNext treats .ts files as ESM only under a package.json that says so.
  await writeFile(join(outRoot, 'package.json'), '{ "type": "module" }\n');
  await writeFile(
    join(outRoot, configName),
    JSON.stringify({
      compilerOptions: { ...consumerCompilerOptions(moduleResolution), noEmit: true },
      include: clients.map((row) => `${relative(outRoot, row.dir).split(sep).join('/')}/**/*.ts`),
    }),
  );
  const output = await runTsc(tsc, ['-p', configName, '--pretty', 'false'], outRoot);
  const byFolder = new Map(clients.map((row) => [relative(outRoot, row.dir).split(sep)[0], []]));
  const unattributed = [];
  let current;
  for (const line of output.split('\n')) {
    if (line.trim() === '') continue;
    // Continuation lines (indented) belong to the diagnostic above them.
    if (/^\s/.test(line) && current) {
      current.push(line);
      continue;
    }
    const folder = line.split(/[\\/]/)[0];
    current = byFolder.get(folder) ?? unattributed;
    current.push(line);
  }
  for (const row of clients) row.diagnostics[moduleResolution] = byFolder.get(relative(outRoot, row.dir).split(sep)[0]).join('\n');
  return { unattributed: unattributed.join('\n') };
}

function runTsc(tsc, args, cwd) {
  return new Promise((resolvePromise, reject) => {
    execFile(tsc.file, [...tsc.prefixArgs, ...args], { cwd, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error === null || typeof error.code === 'number') return resolvePromise(stdout + stderr);
      reject(new Error(`could not run tsc: ${error.message}\n${stdout}${stderr}`));
    });
  });
}

/**
 * What happened to a document, in words: `generated+compiled`, `documented error E_X: reason`, or
 * the unexpected thing (a crash, a KeywayError not in EXPECTED_INVALID, compiler errors).
 */
export function outcome(row) {
  const expected = EXPECTED_INVALID[row.name];
  if (row.crash !== undefined) return { ok: false, text: `CRASH ${row.crash.split('\n')[0]}` };
  if (row.error !== undefined) {
    const documented = expected !== undefined && expected.code === row.error.code && expected.pointer === row.error.pointer;
    return { ok: documented, text: `${documented ? 'documented error' : 'UNEXPECTED ERROR'} ${row.error.code}: ${row.error.message}` };
  }
  if (expected !== undefined) return { ok: false, text: `UNEXPECTEDLY GENERATED (expected ${expected.code} at ${expected.pointer})` };
  const failing = Object.entries(row.diagnostics).filter(([, text]) => text !== '');
  if (failing.length > 0) {
    const first = failing[0][1].split('\n')[0];
    return { ok: false, text: `COMPILE ERRORS (${failing.map(([m]) => m).join(', ')}): ${first}` };
  }
  return { ok: true, text: 'generated+compiled' };
}

/** A plain-text table: document, version, operations, result; then totals and the documented failures. */
export function formatTable(rows) {
  const lines = rows.map((row) => [row.name, row.version, row.operations === undefined ? '-' : String(row.operations), outcome(row).text]);
  const header = ['document', 'version', 'operations', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (i === 3 ? 0 : l[i].length))));
  const format = (cells) => cells.map((c, i) => (i === 3 ? c : c.padEnd(widths[i]))).join('  ');
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format), '', formatSummary(rows)].join('\n');
}

/** The totals, then each documented failure with the reason the specification gives. */
export function formatSummary(rows) {
  const passed = rows.filter((row) => outcome(row).ok && row.error === undefined).length;
  const documented = rows.filter((row) => outcome(row).ok && row.error !== undefined);
  const unexpected = rows.filter((row) => !outcome(row).ok).length;
  const out = [`${rows.length} documents: ${passed} generated+compiled, ${documented.length} documented errors, ${unexpected} unexpected`];
  if (documented.length > 0) {
    out.push('', 'Documents the OpenAPI specification calls invalid:');
    for (const row of documented) out.push(`  ${row.name}: ${EXPECTED_INVALID[row.name].why} → ${row.error.code} at ${row.error.pointer}`);
  }
  return out.join('\n');
}

export function formatTimings(timings, totalMs) {
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  return `generate ${s(timings.generateMs)}, type-check (NodeNext and Bundler together) ${s(timings.typecheckMs)}, total ${s(totalMs)}`;
}

/** The whole run: generate every document into a fresh temp folder, type-check both ways, clean up. */
export async function runCorpus({ generate, tsc, documents = corpusDocuments(), onRow, keep = false }) {
  const outRoot = await mkdtemp(join(tmpdir(), 'keyway-corpus-'));
  try {
    const started = performance.now();
    const rows = await generateAll(documents, { generate, outRoot, onRow });
    const generated = performance.now();
    const checks = await Promise.all(
      ['NodeNext', 'Bundler'].map((moduleResolution) => typecheckAll(rows, { outRoot, moduleResolution, tsc })),
    );
    const timings = { generateMs: generated - started, typecheckMs: performance.now() - generated };
    return { rows, outRoot, timings, unattributed: checks.map((c) => c.unattributed).filter(Boolean).join('\n') };
  } finally {
    if (!keep) await rm(outRoot, { recursive: true, force: true });
  }
}

async function main() {
  const built = join(REPO_ROOT, 'dist/generate.js');
  if (!existsSync(built)) {
    process.stderr.write('dist/generate.js not found: run `npm run build` first\n');
    return 1;
  }
  const { generate } = await import(pathToFileURL(built).href);
  const started = performance.now();
  const { rows, unattributed, timings } = await runCorpus({ generate });
  process.stdout.write(formatTable(rows) + '\n');
  if (unattributed) process.stdout.write(`\ndiagnostics outside any client:\n${unattributed}\n`);
  process.stdout.write(`\n${formatTimings(timings, performance.now() - started)}\n`);
  return rows.every((row) => outcome(row).ok) && !unattributed ? 0 : 1;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
