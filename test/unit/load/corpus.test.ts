import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KeywayError } from '../../../src/errors.js';
import { loadDocument } from '../../../src/load/index.js';
import { schemaErrors } from '../../../src/load/schema-validators.js';

describe("GitHub's REST API description (13 MB, OpenAPI 3.0.3)", () => {
  it('loads and validates', async () => {
    const stages: Record<string, number> = {};
    const loaded = await loadDocument('node_modules/@octokit/openapi/generated/api.github.com.json', { onStage: (stage, ms) => (stages[stage] = ms) });
    expect(loaded.version).toBe('3.0');
    expect(Object.keys(stages)).toEqual(['read', 'version', 'refs', 'validate']);
    expect(Object.keys(loaded.document['paths'] as object).length).toBeGreaterThan(500);
  }, 20_000);
});

const EXAMPLES = 'node_modules/@readme/oas-examples';
/** The only documents in @readme/oas-examples that are not valid, and why. */
const EXPECTED_FAILURES: Record<string, string> = {
  '3.0/json/openapi-workshop/post.json': "E_INVALID #/paths/~1hoot/post/responses: must NOT have fewer than 1 properties",
};

describe('@readme/oas-examples: every document loads or fails with a KeywayError', () => {
  const documents = ['2.0', '3.0', '3.1'].flatMap((version) =>
    readdirSync(`${EXAMPLES}/${version}/json`, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.json'))
      .map((name) => `${version}/json/${name}`),
  );

  it('finds the corpus', () => {
    expect(documents.length).toBeGreaterThan(60);
  });

  it.each(documents)('%s', async (name) => {
    let outcome: string;
    try {
      const loaded = await loadDocument(`${EXAMPLES}/${name}`);
      outcome = 'ok';
      // the 2.0 → 3.0 upgrade must produce a valid 3.0 document
      if (loaded.version === '2.0') expect(await schemaErrors(loaded.document, '3.0')).toEqual([]);
    } catch (error) {
      if (!(error instanceof KeywayError)) throw error;
      outcome = `${error.code} ${error.location.pointer}: ${error.message.replace(/^.*? at #\S*: /, '')}`;
    }
    expect(outcome).toBe(EXPECTED_FAILURES[name] ?? 'ok');
  });
});
