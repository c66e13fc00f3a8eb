/**
 * A document with no security schemes does not make its API public: the README and the doc
 * comments say that the document declares none, and how to add one (an overlay), instead of
 * "none (public)". A document that declares schemes keeps "none (public)" for `security: []`.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOperationAuth, NO_SCHEMES_DECLARED } from '../../../../src/emit/views/describe-security.js';
import { renderClient } from '../../../../src/generate.js';
import { makeTempDir, removeTempDir } from '../../../support/tmp.js';

// Bounded but generous: these start processes or compile schemas, and the machine may be loaded.

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('keyway-describe-security-');
});
afterAll(async () => {
  await removeTempDir(dir);
});

const NO_SCHEMES = `openapi: 3.1.0
info: { title: Plain, version: '1' }
paths:
  /things:
    get:
      operationId: listThings
      responses: { '200': { description: ok } }
`;

const PUBLIC_WITH_SCHEMES = `openapi: 3.1.0
info: { title: Mixed, version: '1' }
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Key }
paths:
  /open:
    get:
      operationId: open
      security: []
      responses: { '200': { description: ok } }
  /closed:
    get:
      operationId: closed
      security: [{ key: [] }]
      responses: { '200': { description: ok } }
`;

async function render(name: string, yaml: string): Promise<Map<string, string>> {
  const file = join(dir, name);
  await writeFile(file, yaml);
  return (await renderClient({ input: file })).files;
}

describe('describeOperationAuth', () => {
  it.each([
    ['no schemes declared', [], 0, NO_SCHEMES_DECLARED],
    ['public, schemes declared', [], 1, 'none (public)'],
    ['one scheme', [{ schemes: [{ scheme: 'key', scopes: [] }] }], 1, 'key'],
  ] as const)('%s', (_name, requirement, declared, want) => {
    expect(describeOperationAuth(requirement.map((alt) => ({ schemes: alt.schemes.map((s) => ({ ...s, scopes: [...s.scopes] })) })), declared)).toBe(want);
  });
});

describe('a document without securitySchemes', () => {
  it('says in the doc comment that none is declared, pointing to --overlay', async () => {
    const methods = (await render('plain.yaml', NO_SCHEMES)).get('methods.ts')!;
    expect(methods).toContain('* Auth: none declared: the document has no security schemes; add one with an overlay (`--overlay`).');
    expect(methods).not.toContain('none (public)');
  });

  it('says so in the README instead of explaining credentials, and marks each operation "none declared"', async () => {
    const readme = (await render('plain.yaml', NO_SCHEMES)).get('README.md')!;
    expect(readme).toContain('The document declares no security schemes, so this client sends no credentials');
    expect(readme).toContain('with an overlay (`--overlay`), then regenerate.');
    expect(readme).not.toContain('The `auth` option takes credentials keyed by');
    expect(readme).toContain('| `listThings` | `GET /things` |  | none declared |');
    expect(readme).not.toContain('public');
  });
});

describe('a document with securitySchemes', () => {
  it('keeps "none (public)" for security: [] and the usual credentials section', async () => {
    const files = await render('mixed.yaml', PUBLIC_WITH_SCHEMES);
    expect(files.get('methods.ts')).toContain('* Auth: none (public).');
    expect(files.get('methods.ts')).not.toContain('no security schemes');
    expect(files.get('README.md')).toContain('The `auth` option takes credentials keyed by');
    expect(files.get('README.md')).toContain('| `open` | `GET /open` |  | none (public) |');
  });
});
