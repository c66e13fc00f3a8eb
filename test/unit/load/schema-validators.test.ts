import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentCorpus } from '../../support/document-corpus.js';
import type { SourceVersion } from '../../../src/model/api.js';
import { compileValidator, quickValidatorModule, SCHEMA_OBJECT_CHECK_SPECIFIER } from '../../../src/load/compile-validator.js';
import { parseText } from '../../../src/load/parse-text.js';
import { importQuickValidator, precompiledValidatorUrl, schemaErrors, type QuickValidator } from '../../../src/load/schema-validators.js';

const VERSIONS: SourceVersion[] = ['2.0', '3.0', '3.1', '3.2'];
const NODE_MODULES = fileURLToPath(new URL('../../../node_modules', import.meta.url));
/** The hand-written Schema Object check the 3.0 module imports: from the sources here, from dist/load/ where the build writes it. */
const SCHEMA_OBJECT_CHECK = new URL('../../../src/load/schema-object-check.ts', import.meta.url).href;

type Json = Record<string, unknown>;
const info = { title: 't', version: '1' };
/** Small documents each version's schema rejects, for a different reason each. */
const INVALID: Json[] = [
  { openapi: '3.0.3', info, paths: { '/a': { get: {} } } },
  { openapi: '3.0.3', paths: {} },
  { openapi: '3.1.0', info, paths: { '/a': { get: { parameters: [{ name: 'x', in: 'path', schema: {} }], responses: {} } } } },
  { openapi: '3.2.0', info, paths: {}, tags: [{ name: 'a', group: 'x' }] },
  { swagger: '2.0', info, paths: { '/a': { get: { parameters: [{ name: 'q', in: 'query' }], responses: { 200: { description: 'ok' } } } } } },
  { swagger: '2.0', info, paths: {}, securityDefinitions: { o: { type: 'oauth2', flow: 'accessCode', tokenUrl: 'https://t', scopes: {} } } },
  { openapi: '3.0.3', info, paths: {}, components: { schemas: { A: { type: 'strin', properties: { b: { $ref: 1 } } } } } },
];

const corpus = (): Promise<Array<[string, unknown]>> => documentCorpus(['fixtures/load'], ['2.0', '3.0', '3.1'], { label: 'invalid', documents: INVALID });

describe('precompiled (standalone) quick validators', () => {
  let directory: string;
  const precompiled = new Map<SourceVersion, QuickValidator>();

  beforeAll(async () => {
    // where the build puts them, runtime helpers resolve from the package's node_modules; here, through a link
    directory = mkdtempSync(join(tmpdir(), 'keyway-validators-'));
    symlinkSync(NODE_MODULES, join(directory, 'node_modules'), 'junction');
    writeFileSync(join(directory, 'package.json'), '{ "type": "module" }\n');
    for (const version of VERSIONS) {
      const file = join(directory, `openapi-${version}.js`);
      writeFileSync(file, quickValidatorModule(version, SCHEMA_OBJECT_CHECK));
      precompiled.set(version, await importQuickValidator(pathToFileURL(file)));
    }
  }, 30_000);

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('are ES modules that resolve ajv runtime helpers themselves', () => {
    const source = quickValidatorModule('3.0');
    expect(source).toMatch(/^import \{ createRequire \} from 'node:module';/);
    expect(source).toContain('require("ajv/dist/runtime/equal")'); // uniqueItems in the 3.0 schema
    expect(source).toMatch(/export const validate = /);
  });

  it('answer exactly as validators compiled at run time, errors included, on every fixture and example', async () => {
    const documents = await corpus();
    expect(documents.length).toBeGreaterThan(80);
    let rejected = 0;
    for (const version of VERSIONS) {
      const runTime = compileValidator(version, false);
      const standalone = precompiled.get(version) as QuickValidator & { errors?: unknown };
      for (const [name, document] of documents) {
        const valid = runTime(document);
        expect({ name, version, valid: standalone(document) }).toEqual({ name, version, valid });
        if (!valid) {
          rejected++;
          expect(standalone.errors).toEqual(runTime.errors);
        }
      }
    }
    expect(rejected).toBeGreaterThan(100); // both outcomes were compared
  }, 60_000);

  it("agree on GitHub's 13 MB description", async () => {
    const document = (await parseText(readFileSync('node_modules/@octokit/openapi/generated/api.github.com.json'), 'github', 'json')).value;
    expect(precompiled.get('3.0')!(document)).toBe(true);
    expect(compileValidator('3.0', false)(document)).toBe(true);
    const broken = { ...(document as Json), info: { title: 1 } };
    expect(precompiled.get('3.0')!(broken)).toBe(false);
  }, 30_000);

  it('are looked for next to the loader, where the build writes them', () => {
    expect(precompiledValidatorUrl('3.1', 'file:///pkg/dist/load/schema-validators.js').href).toBe('file:///pkg/dist/load/validators/openapi-3.1.js');
  });

  it('the 3.0 one imports the Schema Object check from dist/load/, where it lies and where the bundle’s copy lies', () => {
    expect(quickValidatorModule('3.0')).toContain(`import { validSchemaObject30 } from ${JSON.stringify(SCHEMA_OBJECT_CHECK_SPECIFIER)};`);
    expect(quickValidatorModule('3.1')).not.toContain('validSchemaObject30');
    for (const folder of ['load', 'bin']) {
      expect(new URL(SCHEMA_OBJECT_CHECK_SPECIFIER, `file:///pkg/dist/${folder}/validators/openapi-3.0.js`).href).toBe('file:///pkg/dist/load/schema-object-check.js');
    }
  });

  it('a module without a validate function is refused', async () => {
    const file = join(directory, 'empty.js');
    writeFileSync(file, 'export const other = 1;\n');
    await expect(importQuickValidator(pathToFileURL(file))).rejects.toThrow(/does not export a validate function/);
  });
});

describe('schemaErrors without precompiled validators (running from src)', () => {
  it('compiles at run time: [] for a valid document, every violation for an invalid one', async () => {
    expect(await schemaErrors({ openapi: '3.0.3', info, paths: {} }, '3.0')).toEqual([]);
    const errors = await schemaErrors(INVALID[6], '3.0');
    // allErrors: the bad type and the bad nested $ref are both reported
    expect(errors.map((error) => error.instancePath)).toEqual(expect.arrayContaining(['/components/schemas/A/type', '/components/schemas/A/properties/b/$ref']));
    expect(errors.every((error) => error.parentSchema !== undefined)).toBe(true); // verbose, for summarizeAjvErrors
  });
});
