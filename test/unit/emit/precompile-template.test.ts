import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import HandlebarsRuntime from 'handlebars/runtime.js';
import { afterAll, describe, expect, it } from 'vitest';
import { compileTemplate, precompiledTemplateModule } from '../../../src/emit/precompile-template.js';

const SOURCE = '{{header}}\n{{#each items}}\n  {{key}}: {{value}},\n{{/each}}\n';
const dir = mkdtempSync(join(tmpdir(), 'keyway-precompile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function precompiled(source: string): Promise<{ source: string; render: (view: object) => string }> {
  const file = join(dir, `t${Math.random().toString(36).slice(2)}.js`);
  writeFileSync(file, precompiledTemplateModule(source));
  const module = (await import(pathToFileURL(file).href)) as { source: string; spec: object };
  const runtime = (HandlebarsRuntime as unknown as { create(): { template(spec: object): (view: object) => string } }).create();
  return { source: module.source, render: runtime.template(module.spec) };
}

describe('precompiled templates render as compiled ones do', () => {
  it('same text, no HTML escaping, and the source kept for the staleness check', async () => {
    const view = { header: '// <generated> & "quoted"', items: [{ key: 'a', value: '"x" < y' }] };
    const built = await precompiled(SOURCE);
    expect(built.source).toBe(SOURCE);
    expect(built.render(view)).toBe(compileTemplate(SOURCE)(view));
    expect(built.render(view)).toContain('// <generated> & "quoted"');
  });

  it('strict: a missing field fails in both', async () => {
    const built = await precompiled('{{missing}}');
    expect(() => built.render({})).toThrow(/missing/);
    expect(() => compileTemplate('{{missing}}')({})).toThrow(/missing/);
  });
});
