#!/usr/bin/env node
// Deletes the JavaScript tsc writes to dist/runtime/. The generator imports the runtime's contract
// types (`import type { OperationSpec } from '../runtime/operation.js'`), so tsc follows them and
// emits those modules; the generator never loads them (a generated client gets the runtime as .ts
// source, from src/runtime), so they would only ship as dead weight. The .d.ts stay: dist's own
// declarations point at them. Fails the build if any dist module does import one.
//
//   node scripts/drop-runtime-js.mjs      (run by `npm run build`, after tsc)
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'dist');
const runtimeDir = join(dist, 'runtime') + sep;
const jsFiles = readdirSync(dist, { recursive: true }).map((name) => join(dist, String(name))).filter((path) => path.endsWith('.js'));
// Every relative specifier of a static import/export or a dynamic import().
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\1/g;

const importers = [];
for (const file of jsFiles.filter((path) => !path.startsWith(runtimeDir))) {
  for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
    if (resolve(dirname(file), match[2]).startsWith(runtimeDir)) importers.push(`${relative(dist, file)} imports ${match[2]}`);
  }
}
if (importers.length > 0) {
  console.error(`dist/runtime/*.js is loaded by the generator, so it cannot be dropped:\n  ${importers.join('\n  ')}`);
  process.exit(1);
}
for (const file of jsFiles.filter((path) => path.startsWith(runtimeDir))) rmSync(file);
