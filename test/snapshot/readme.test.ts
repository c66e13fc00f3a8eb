/**
 * The README written beside the code: every operation, every scheme with a sample per credential
 * type, the token section when the client manages tokens, and hostile spec text that stays text.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planScheme } from '../../src/plan/schemes/plan-schemes.js';
import { renderClient } from '../../src/generate.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';
import { typecheck } from '../support/tsc.js';
import { ALL_SCHEMES_SPEC, API_KEY_ONLY_SPEC } from '../support/workflows/specs.js';

let dir: string;
let readme: string;
let rendered: Awaited<ReturnType<typeof renderClient>>;

async function readmeFor(spec: string, name: string): Promise<{ text: string; client: typeof rendered }> {
  const file = join(dir, name);
  await writeFile(file, spec);
  const client = await renderClient({ input: file });
  return { text: client.files.get('README.md')!, client };
}

beforeAll(async () => {
  dir = await makeTempDir('keyway-readme-');
  ({ text: readme, client: rendered } = await readmeFor(ALL_SCHEMES_SPEC, 'zoo.yaml'));
});
afterAll(async () => {
  await removeTempDir(dir);
});

/** Table rows of the Operations section, split on unescaped pipes. */
function operationRows(text: string): string[][] {
  const section = text.slice(text.indexOf('## Operations'), text.indexOf('## Errors'));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim()));
}

describe('README.md', () => {
  it('documents every operation: method name, HTTP method and path, summary, auth', () => {
    expect(operationRows(readme)).toEqual([
      ['`listAnimals`', '`GET /animals`', 'List \\| animals &lt;img src=x onerror=alert(1)&gt;', 'key, or oauth (zoo:read)'],
      ['`deleteAnimal`', '`DELETE /animals/{id}`', 'Remove an animal **deprecated**', 'basic + key'],
      ['`buyTicket`', '`POST /tickets`', '', 'oidc (openid), or mtls, or custom, or bearer'],
      ['`health`', '`GET /health`', '', 'none (public)'],
    ]);
  });

  it('has a section per scheme with a construction sample per credential type', () => {
    for (const scheme of rendered.model.securitySchemes) {
      const start = readme.indexOf(`### \`${scheme.key}\``);
      expect(start, scheme.key).toBeGreaterThan(0);
      const section = readme.slice(start, readme.indexOf('\n### ', start + 1) >>> 0 || undefined);
      const planned = planScheme(scheme);
      expect(section).toContain(`Credential type: \`${planned.credentialType}\``);
      const samples = section.match(/```ts\n[\s\S]*?\n```/g) ?? [];
      expect(samples, scheme.key).toHaveLength(planned.credentials.length);
      for (const sample of samples) expect(sample).toContain(`new ZooScriptAlert1ScriptClient({\n  auth: {\n    ${scheme.key}: `);
    }
  });

  it('says which operations accept each scheme, with scopes and AND-ed partners', () => {
    expect(readme).toContain('- `listAnimals` — `GET /animals` (scopes `zoo:read`)');
    expect(readme).toContain('- `deleteAnimal` — `DELETE /animals/{id}` (together with `basic`)');
    expect(readme).toContain('- `deleteAnimal` — `DELETE /animals/{id}` (together with `key`)');
  });

  it('describes each OAuth 2.0 flow with its URLs and scopes', () => {
    expect(readme).toContain('- client credentials: token `https://auth.zoo.example/token`; scopes: `zoo:read` (Read \\| the zoo)');
    expect(readme).toContain(
      '- authorization code: authorization `https://auth.zoo.example/authorize`, token `https://auth.zoo.example/token`, refresh `https://auth.zoo.example/refresh`; scopes: `zoo:read` (Read)',
    );
  });

  it('explains token refresh when the client manages tokens, and only then', async () => {
    expect(readme).toContain('## How tokens are refreshed');
    for (const topic of ['Cached per scheme and scope set', 'Refreshed before expiry', 'Single flight', 'Retry once on 401', 'Refresh token rotation', '`onTokens`', '`tokenStore`']) {
      expect(readme).toContain(topic);
    }
    const { text } = await readmeFor(API_KEY_ONLY_SPEC, 'keys.yaml');
    expect(text).not.toContain('## How tokens are refreshed');
    expect(text).toContain('### `key` (API key in query)');
  });

  it('keeps hostile spec text as text: no HTML, no headings, no table or fence breakouts', () => {
    // Code spans show their text literally, HTML included; outside them no tag may survive.
    const outsideCode = readme.replace('``X-Key`|<b>``', '');
    expect(outsideCode).not.toMatch(/<\/?(script|img|b|i)\b/i);
    // Only keyway's own headings: the description's "# Injected heading" is escaped.
    expect(readme.match(/^#{1,6} .*/gm)!.filter((h) => h.includes('Injected'))).toEqual([]);
    expect(readme).toContain('\\# Injected heading');
    // Fences: every ``` line is one keyway opened or closed, so they pair up.
    const fences = readme.split('\n').filter((line) => /^`{3,}/.test(line));
    expect(fences.length % 2).toBe(0);
    expect(readme).toContain('\\`\\`\\`');
    // The description's table is not a table: its pipes are escaped.
    expect(readme).toContain('\\| a \\| b \\|');
    expect(readme.split('\n')[1]).toBe('# Zoo \\| &lt;script&gt;alert(1)&lt;/script&gt; 2.0.0');
    expect(readme).toContain('sent in the header ``X-Key`|<b>``');
    expect(readme).toContain('Ask &lt;/script&gt; the keeper \\| twice');
    expect(readme).toContain('A bearer token (JWT &lt;i&gt;)');
  });

  it('is deterministic', async () => {
    const again = await renderClient({ input: join(dir, 'zoo.yaml') });
    expect(again.files.get('README.md')).toBe(readme);
  });

  it('has code samples that compile against the generated client', async () => {
    const out = join(dir, 'zoo-client');
    await mkdir(out);
    for (const [path, text] of rendered.files) {
      await mkdir(join(out, path, '..'), { recursive: true });
      await writeFile(join(out, path), text);
    }
    // What the samples assume the reader's project has: Node's process and fs, undici, saved tokens.
    await writeFile(
      join(out, 'samples-env.d.ts'),
      [
        'declare const process: { env: Record<string, string | undefined> };',
        'declare const savedRefreshToken: string;',
        "declare module 'node:fs' { export function readFileSync(path: string, encoding: 'utf8'): string; }",
        "declare module 'undici' { export class Agent { constructor(options: { connect: object }); } }",
      ].join('\n'),
    );
    const samples = readme.match(/^```ts\n[\s\S]*?\n```$/gm)!.map((fence) => fence.slice('```ts\n'.length, -'\n```'.length));
    expect(samples.length).toBeGreaterThan(rendered.model.securitySchemes.length);
    for (const [i, sample] of samples.entries()) {
      const imports = sample.includes(' from "./index.js"') ? '' : "import { ZooScriptAlert1ScriptClient } from './index.js';\n";
      await writeFile(join(out, `sample-${i}.ts`), `${imports}${sample}\nexport {};\n`);
    }
    const result = await typecheck(out, { moduleResolution: 'NodeNext' });
    expect(result.diagnostics).toBe('');
    expect(result.exitCode).toBe(0);
  });
});
