/**
 * Real documents → TypeScript → `tsc --strict`: every schema of GitHub's REST API and of the
 * @readme/oas-examples 3.0/3.1 corpus must render to code that type-checks with zero diagnostics.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaToType } from '../../src/analyze/schema-to-type.js';
import { typeToText } from '../../src/emit/type-text.js';
import { withTempDir } from '../support/tmp.js';
import { typecheck } from '../support/tsc.js';
import { componentSchemas, dialectOf, renderModule } from '../support/types/corpus-module.js';

const require = createRequire(import.meta.url);
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

const github = readJson(require.resolve('@octokit/openapi/generated/api.github.com.json'));
const examplesRoot = dirname(require.resolve('@readme/oas-examples/package.json'));
const examples = ['3.0', '3.1'].flatMap((version) => {
  const dir = join(examplesRoot, version, 'json');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ name: `oas-${version.replace('.', '')}-${basename(f, '.json')}`, document: readJson(join(dir, f)) }));
});

describe('generated types compile under tsc --strict', () => {
  it('all GitHub component schemas, and every schema of every oas-examples document', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'github.ts'), renderModule(github, { inline: false }));
      for (const { name, document } of examples) {
        await writeFile(join(dir, `${name}.ts`), renderModule(document, { inline: true }));
      }
      const result = await typecheck(dir, { moduleResolution: 'NodeNext' });
      expect(result.diagnostics).toBe('');
      expect(result.exitCode).toBe(0);
    });
  }, 120_000);

  it('the corpus exercises what the converter claims to handle', () => {
    const text = renderModule(github, { inline: false });
    expect(Object.keys(componentSchemas(github))).toHaveLength(969);
    // Spot checks that the GitHub output is typed, not a pile of `unknown`.
    expect(text).toContain('export type SimpleUser = {');
    expect(text).toMatch(/\| null;/);
    expect(text).toMatch(/\[key: string\]: /);
    const oas31 = examples.map((e) => renderModule(e.document, { inline: true })).join('\n');
    expect(oas31).toContain('Blob');
    expect(oas31).toMatch(/ & \{ \w+: "/); // a discriminated member
  });
});

// Speed is a benchmark's business (npm run bench: the whole GitHub client, keyway against oazapfts in
// one run); this prints the time and checks the work was done, without a wall-clock threshold that a
// busy machine turns into a failure.
describe('all of GitHub', () => {
  it('converts and renders all 969 GitHub schemas, printing the time it took', () => {
    const schemas = componentSchemas(github);
    const ctx = { document: github, dialect: dialectOf(github) };
    const refName = (key: string) => key.replace(/[^\w$]/g, '_');
    const run = () => {
      let size = 0;
      for (const key of Object.keys(schemas)) {
        size += typeToText(schemaToType(schemas[key], `#/components/schemas/${key}`, ctx), { refName }).length;
      }
      return size;
    };
    const coldStart = performance.now();
    run(); // the first pass pays for JIT warm-up; the assertion is on the second
    const cold = performance.now() - coldStart;
    const started = performance.now();
    const size = run();
    const elapsed = performance.now() - started;
    console.log(`schemaToType + typeToText over ${Object.keys(schemas).length} GitHub schemas: ${cold.toFixed(1)} ms cold, ${elapsed.toFixed(1)} ms warm, ${size} chars`);
    expect(size).toBeGreaterThan(1_000_000);
  });
});
