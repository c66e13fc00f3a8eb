/**
 * The packaged 3.1 schema misspells the Server Variable Object's `description` as `descriptions`;
 * keyway's copy is corrected, for 3.1 and for 3.2 (which extends it).
 */
import { describe, expect, it, vi } from 'vitest';
import { KeywayError } from '../../../src/errors.js';
import { validateDocument } from '../../../src/load/validate-document.js';
import type { SourceVersion } from '../../../src/model/api.js';

// Bounded but generous: these start processes or compile schemas, and the machine may be loaded.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const VERSIONS: Array<[SourceVersion, string]> = [
  ['3.0', '3.0.3'],
  ['3.1', '3.1.1'],
  ['3.2', '3.2.0'],
];

function documentWithVariable(openapi: string, variable: Record<string, unknown>): Record<string, unknown> {
  return {
    openapi,
    info: { title: 't', version: '1' },
    servers: [{ url: 'https://{region}.example.com', variables: { region: variable } }],
    paths: {},
  };
}

async function problems(version: SourceVersion, document: Record<string, unknown>): Promise<string[]> {
  try {
    await validateDocument(document, version, 'spec.yaml', () => undefined);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(KeywayError);
    return [(error as KeywayError).message, ...(error as KeywayError).details];
  }
}

describe('server variables', () => {
  it.each(VERSIONS)('OpenAPI %s accepts a server variable with a description', async (version, openapi) => {
    expect(await problems(version, documentWithVariable(openapi, { default: 'eu', enum: ['eu', 'us'], description: 'where the data lives' }))).toEqual([]);
  });

  it.each(VERSIONS)('OpenAPI %s still refuses the misspelling and a non-string description', async (version, openapi) => {
    expect((await problems(version, documentWithVariable(openapi, { default: 'eu', descriptions: 'x' }))).join('\n')).toMatch(/descriptions/);
    expect((await problems(version, documentWithVariable(openapi, { default: 'eu', description: 3 }))).join('\n')).toMatch(/description/);
  });
});
