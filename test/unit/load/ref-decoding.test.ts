/**
 * The loader (which checks that every `$ref` resolves) and the analyser (which follows them into
 * types) read a `$ref` the same way: RFC 6901 §6, percent-decode the whole fragment, then split.
 * Before one module parsed pointers for both, the loader split first and decoded each piece, so
 * `A%2Fproperties%2Fb` was refused by one and followed by the other.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze/index.js';
import { KeywayError } from '../../../src/errors.js';
import { loadDocument } from '../../../src/load/index.js';
import { withTempDir } from '../../support/tmp.js';

function spec(schemas: object, ref: string): string {
  return JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'refs', version: '1' },
    paths: {
      '/x': {
        get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: ref } } } } } },
      },
    },
    components: { schemas },
  });
}

async function loadAndAnalyze(text: string) {
  return withTempDir(async (dir) => {
    const file = join(dir, 'openapi.json');
    await writeFile(file, text);
    return analyze(await loadDocument(file));
  }, 'keyway-refs-');
}

describe('one reading of $ref pointers for load and analysis', () => {
  it('an encoded / is a separator: the reference reaches a property of A, and its type is that property’s', async () => {
    const model = await loadAndAnalyze(
      spec({ A: { type: 'object', properties: { b: { type: 'integer' } } } }, '#/components/schemas/A%2Fproperties%2Fb'),
    );
    const result = model.operations[0]!.responses[0]!.contents[0]!.type;
    expect(result).toEqual({ kind: 'primitive', name: 'number' });
  });

  it('a schema key containing / must be written ~1: the encoded form is refused by the loader, not turned into unknown', async () => {
    const text = spec({ 'A/b': { type: 'string' } }, '#/components/schemas/A%2Fb');
    const error = await loadAndAnalyze(text).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(KeywayError);
    expect((error as KeywayError).code).toBe('E_REF');
    expect((error as KeywayError).location.pointer).toBe('#/paths/~1x/get/responses/200/content/application~1json/schema/$ref');
  });

  it('the ~1 form of the same key is followed by both', async () => {
    const model = await loadAndAnalyze(spec({ 'A/b': { type: 'string' } }, '#/components/schemas/A~1b'));
    expect(model.operations[0]!.responses[0]!.contents[0]!.type).toEqual({ kind: 'ref', target: 'A/b' });
  });
});

describe('Swagger 2.0 references survive the move to components', () => {
  it('a definition whose name holds % keeps its reference when #/definitions becomes #/components/schemas', async () => {
    const text = JSON.stringify({
      swagger: '2.0',
      info: { title: 'refs', version: '1' },
      paths: { '/x': { get: { produces: ['application/json'], responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/A%2520B' } } } } } },
      definitions: { 'A%20B': { type: 'string' } },
    });
    const model = await loadAndAnalyze(text);
    expect(model.operations[0]!.responses[0]!.contents[0]!.type).toEqual({ kind: 'ref', target: 'A%20B' });
  });
});
