import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeywayError, type KeywayErrorCode, type SourceLocation } from '../../../src/errors.js';
import { loadDocument } from '../../../src/load/index.js';

const fixture = (name: string) => `fixtures/load/${name}`;

async function loadError(source: string): Promise<KeywayError> {
  try {
    await loadDocument(source);
  } catch (error) {
    expect(error).toBeInstanceOf(KeywayError);
    return error as KeywayError;
  }
  throw new Error(`expected ${source} to fail`);
}

describe('loadDocument: one fixture per supported version', () => {
  it.each([
    ['petstore-2.0.json', '2.0', '2.0'],
    ['petstore-3.0.yaml', '3.0', '3.0.3'],
    ['petstore-3.1.yaml', '3.1', '3.1.0'],
    ['museum-3.2.yaml', '3.2', '3.2.0'],
  ] as const)('%s → version %s (%s)', async (name, version, specVersion) => {
    const loaded = await loadDocument(fixture(name));
    expect(loaded).toMatchObject({ source: fixture(name), version, specVersion, files: [resolve(fixture(name))] });
  });

  it('keeps local $refs as $refs', async () => {
    const { document } = await loadDocument(fixture('petstore-3.0.yaml'));
    const paths = document['paths'] as Record<string, any>;
    expect(paths['/pets'].get.parameters[0]).toEqual({ $ref: '#/components/parameters/Limit' });
    expect(paths['/pets/{petId}'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Pet' });
  });

  it('upgrades Swagger 2.0 to 3.0 shape but reports the source version', async () => {
    const loaded = await loadDocument(fixture('petstore-2.0.json'));
    expect(loaded.version).toBe('2.0');
    expect(loaded.document['openapi']).toBe('3.0.3');
    expect(loaded.document['swagger']).toBeUndefined();
    expect(loaded.document['servers']).toEqual([{ url: 'https://petstore.example.com/v1' }, { url: 'http://petstore.example.com/v1' }]);
    const schemas = (loaded.document['components'] as Record<string, any>)['schemas'];
    expect(schemas.Pet.allOf[0]).toEqual({ $ref: '#/components/schemas/NewPet' });
  });

  it('accepts the 3.2 additions: query, additionalOperations, querystring, itemSchema, deviceAuthorization', async () => {
    const { document } = await loadDocument(fixture('museum-3.2.yaml'));
    const paths = document['paths'] as Record<string, any>;
    expect(paths['/events'].query.operationId).toBe('searchEvents');
    expect(paths['/events'].additionalOperations.COPY.operationId).toBe('copyEvents');
  });

  it('validate: false skips the schema check but still checks version and refs', async () => {
    await expect(loadDocument(fixture('bad/missing-responses.yaml'), { validate: false })).resolves.toMatchObject({ version: '3.0' });
    await expect(loadDocument(fixture('bad/bad-ref.yaml'), { validate: false })).rejects.toMatchObject({ code: 'E_REF' });
  });

  it('reports each stage to onStage', async () => {
    const stages: string[] = [];
    await loadDocument(fixture('petstore-2.0.json'), { onStage: (stage) => stages.push(stage) });
    expect(stages).toEqual(['read', 'version', 'refs', 'validate', 'upgrade']);
  });
});

describe('loadDocument: encoding', () => {
  it.each([
    ['bom.json', '{"openapi": "3.0.3", "info": {"title": "Café ☕", "version": "1"}, "paths": {}}'],
    ['bom.yaml', 'openapi: 3.0.3\ninfo: {title: Café ☕, version: "1"}\npaths: {}\n'],
  ])('%s: a UTF-8 byte order mark is skipped and non-ASCII text kept', async (name, text) => {
    const directory = mkdtempSync(join(tmpdir(), 'keyway-load-'));
    try {
      const file = join(directory, name);
      writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
      const { document } = await loadDocument(file);
      expect(document['info']).toEqual({ title: 'Café ☕', version: '1' });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('loadDocument: external $refs', () => {
  it('bundles every referenced file and lists them, root first', async () => {
    const loaded = await loadDocument(fixture('multi-file/openapi.yaml'));
    expect(loaded.files).toEqual([
      resolve(fixture('multi-file/openapi.yaml')),
      resolve(fixture('multi-file/common.yaml')),
      resolve(fixture('multi-file/schemas/pet.yaml')),
      resolve(fixture('multi-file/schemas/error.json')),
    ]);
    const text = JSON.stringify(loaded.document);
    expect(text).not.toMatch(/"\$ref":"[^#]/); // no external refs left
    const pet = (loaded.document['components'] as Record<string, any>)['schemas'].Pet;
    expect(pet.properties.owner).toEqual({ type: 'object', properties: { name: { type: 'string' } } });
    const get = (loaded.document['paths'] as Record<string, any>)['/pets'].get;
    expect(get.parameters[0]).toEqual({ name: 'limit', in: 'query', schema: { type: 'integer' } });
    expect(get.responses['200'].content['application/json'].schema.items).toEqual({ $ref: '#/components/schemas/Pet' });
  });
});

describe('loadDocument: external $refs in Swagger 2.0', () => {
  it('bundles a recursive schema from another file and re-points the $refs the upgrade moved', async () => {
    const loaded = await loadDocument(fixture('circular/openapi.yaml'));
    // `swagger: 2.0` unquoted is a YAML number; still reported as '2.0'
    expect(loaded).toMatchObject({ version: '2.0', specVersion: '2.0', files: [resolve(fixture('circular/openapi.yaml')), resolve(fixture('circular/node.yaml'))] });
    const schema = (loaded.document['paths'] as Record<string, any>)['/tree'].get.responses['200'].content['application/json'].schema;
    expect(schema.properties.children.items).toEqual({ $ref: '#/paths/~1tree/get/responses/200/content/application~1json/schema' });
    expect(schema.properties.leaf).toEqual({ $ref: '#/components/schemas/Leaf' });
  });
});

describe('loadDocument: every failure is a located KeywayError', () => {
  const cases: Array<[string, KeywayErrorCode, SourceLocation, RegExp]> = [
    ['bad/yaml-syntax.yaml', 'E_PARSE', { file: fixture('bad/yaml-syntax.yaml'), line: 8, column: 1 }, /invalid YAML: Flow sequence/],
    ['bad/json-syntax.json', 'E_PARSE', { file: fixture('bad/json-syntax.json'), line: 5, column: 1 }, /invalid JSON/],
    [
      'bad/missing-responses.yaml',
      'E_INVALID',
      { file: fixture('bad/missing-responses.yaml'), pointer: '#/paths/~1pets/get', line: 7, column: 5 },
      /: must have required property 'responses'$/,
    ],
    [
      'bad/bad-ref.yaml',
      'E_REF',
      { file: fixture('bad/bad-ref.yaml'), pointer: '#/paths/~1pets/get/responses/200/content/application~1json/schema/$ref', line: 14, column: 17 },
      /cannot resolve \$ref '#\/components\/schemas\/Pets': no such location in this document/,
    ],
    [
      'bad/missing-external-file.yaml',
      'E_REF',
      { file: fixture('bad/missing-external-file.yaml'), pointer: '#/paths/~1pets/get/responses/200/$ref', line: 10, column: 11 },
      /cannot resolve \$ref 'does-not-exist.yaml#\/Ok': .*does-not-exist\.yaml: cannot read file: no such file or directory \(ENOENT\)/,
    ],
    [
      'bad/unsupported-version.yaml',
      'E_VERSION',
      { file: fixture('bad/unsupported-version.yaml'), pointer: '#/openapi', line: 1, column: 1 },
      /unsupported OpenAPI version '4\.0\.0'/,
    ],
    ['bad/no-version.yaml', 'E_VERSION', { file: fixture('bad/no-version.yaml'), pointer: '#' }, /missing 'openapi' or 'swagger' version field/],
    [
      'bad/invalid-2.0.json',
      'E_INVALID',
      { file: fixture('bad/invalid-2.0.json'), pointer: '#/paths/~1pets/get/parameters/0', line: 7, column: 24 },
      /: must have required property 'type'$/,
    ],
    [
      'bad/invalid-3.1.yaml',
      'E_INVALID',
      { file: fixture('bad/invalid-3.1.yaml'), pointer: '#/paths/~1pets/get/parameters/0/in', line: 10, column: 11 },
      /: must be one of 'query', 'header', 'path', 'cookie'$/,
    ],
    [
      'bad/invalid-3.2.yaml',
      'E_INVALID',
      { file: fixture('bad/invalid-3.2.yaml'), pointer: '#/components/securitySchemes/device/flows/deviceAuthorization', line: 10, column: 9 },
      /: must have required property 'deviceAuthorizationUrl'$/,
    ],
    [
      'bad/external-parse-error.yaml',
      'E_PARSE',
      { file: resolve(fixture('bad/yaml-syntax.yaml')), line: 8, column: 1 },
      /invalid YAML/,
    ],
    [
      'bad/external-bad-pointer.yaml',
      'E_REF',
      { file: resolve(fixture('bad/dangling-fragment.yaml')), pointer: '#/Pet/properties/owner/$ref', line: 5, column: 7 },
      /cannot resolve \$ref '#\/Owner': no such location in this document/,
    ],
    ['does-not-exist.yaml', 'E_READ', { file: resolve(fixture('does-not-exist.yaml')) }, /cannot read file: no such file or directory \(ENOENT\)$/],
    ['.', 'E_READ', { file: resolve('fixtures/load') }, /cannot read file: .*EISDIR/],
  ];

  it.each(cases)('%s → %s', async (name, code, location, message) => {
    const error = await loadError(name === '.' ? 'fixtures/load' : fixture(name));
    expect({ code: error.code, location: error.location }).toEqual({ code, location });
    expect(error.message).toMatch(message);
  });

  it('puts every schema violation in details', async () => {
    const error = await loadError(fixture('bad/missing-responses.yaml'));
    expect(error.details).toEqual(["#/paths/~1pets/get: must have required property 'responses'"]);
  });
});
