#!/usr/bin/env node
// Precompiles the OpenAPI schema validators with ajv's standalone code generation, so loading a
// document does not compile a JSON Schema at run time (~140 ms for 3.0 on GitHub's spec).
//
//   node scripts/build-validators.mjs      (run by `npm run build`, after tsc)
//
// Writes dist/load/validators/openapi-<version>.js, where dist/load/schema-validators.js looks
// for them. Generated from dist/load/compile-validator.js so the options and schema patches are
// the ones the run-time fallback uses. Only the quick (first error) validators are precompiled:
// the allErrors one runs only on invalid documents and is still compiled when needed.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const VERSIONS = ['2.0', '3.0', '3.1', '3.2'];

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const load = pathToFileURL(join(repo, 'dist', 'load', '/'));
const importBuilt = (name) =>
  import(new URL(name, load).href).catch((cause) => {
    throw new Error(`cannot load dist/load/${name} (is it built? npm run build runs tsc first)`, { cause });
  });
const { quickValidatorModule } = await importBuilt('compile-validator.js');
const { precompiledValidatorUrl } = await importBuilt('schema-validators.js');

for (const version of VERSIONS) {
  const target = fileURLToPath(precompiledValidatorUrl(version, new URL('schema-validators.js', load)));
  mkdirSync(dirname(target), { recursive: true });
  // written whole then renamed, so an interrupted build never leaves a truncated validator behind
  writeFileSync(`${target}.tmp`, quickValidatorModule(version));
  renameSync(`${target}.tmp`, target);
}
