/** keyway.config.json / .mjs: shapes accepted, paths resolved against the config file, and errors that name the file and the bad key. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findConfig, loadConfig } from '../../../src/config/load-config.js';
import { validateConfig } from '../../../src/config/validate-config.js';
import { KeywayError } from '../../../src/errors.js';
import { makeTempDir, removeTempDir } from '../../support/tmp.js';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('keyway-config-');
});
afterAll(async () => {
  await removeTempDir(dir);
});

function errorOf(body: () => unknown): KeywayError {
  try {
    body();
  } catch (error) {
    expect(error).toBeInstanceOf(KeywayError);
    return error as KeywayError;
  }
  throw new Error('expected an error');
}

describe('validateConfig', () => {
  it('accepts one client object and resolves its paths against the config folder', () => {
    expect(validateConfig({ input: 'api/openapi.yaml', output: 'src/api', name: 'Api', validate: false, templates: 'tpl' }, '/p/keyway.config.json', '/p')).toEqual([
      { input: '/p/api/openapi.yaml', output: '/p/src/api', name: 'Api', validate: false, templates: '/p/tpl' },
    ]);
  });

  it('accepts { clients: [...] }, keeps URLs and absolute paths as they are', () => {
    expect(
      validateConfig({ $schema: 'x', clients: [{ input: 'https://h.example/o.json', output: '/abs/a' }, { input: 'b.yaml', output: 'b' }] }, '/p/c.json', '/p'),
    ).toEqual([
      { input: 'https://h.example/o.json', output: '/abs/a' },
      { input: '/p/b.yaml', output: '/p/b' },
    ]);
  });

  const bad: Array<{ name: string; config: unknown; pointer: string; message: RegExp }> = [
    { name: 'not an object', config: [1], pointer: '#', message: /must be an object/ },
    { name: 'a typo in a key', config: { input: 'a', ouput: 'b' }, pointer: '#/ouput', message: /unknown key "ouput" \(valid keys: input, output, name, validate, templates, verify, overlays, importExtension\)/ },
    { name: 'missing output', config: { input: 'a' }, pointer: '#', message: /missing required key "output"/ },
    { name: 'a wrong type', config: { clients: [{ input: 'a', output: 'b', validate: 'no' }] }, pointer: '#/clients/0/validate', message: /"validate" must be a boolean, not string/ },
    { name: 'an empty string', config: { input: ' ', output: 'b' }, pointer: '#/input', message: /"input" must not be empty/ },
    { name: 'empty clients', config: { clients: [] }, pointer: '#/clients', message: /non-empty array/ },
    { name: 'a client that is not an object', config: { clients: [{ input: 'a', output: 'b' }, 'c'] }, pointer: '#/clients/1', message: /must be an object/ },
    { name: 'a key beside clients', config: { clients: [{ input: 'a', output: 'b' }], output: 'x' }, pointer: '#/output', message: /unknown key "output" beside "clients"/ },
    { name: 'two clients, one output', config: { clients: [{ input: 'a', output: 'o' }, { input: 'b', output: './o' }] }, pointer: '#/clients/1/output', message: /clients 0 and 1 both write to/ },
    { name: 'null', config: { input: 'a', output: null }, pointer: '#/output', message: /must be a string, not null/ },
  ];
  it.each(bad)('$name → E_USAGE naming the file and $pointer', ({ config, pointer, message }) => {
    const error = errorOf(() => validateConfig(config, '/p/keyway.config.json', '/p'));
    expect(error.code).toBe('E_USAGE');
    expect(error.location).toEqual({ file: '/p/keyway.config.json', pointer });
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`/p/keyway.config.json at ${pointer}: invalid config:`)).toBe(true);
  });
});

describe('loadConfig and findConfig', () => {
  it('loads keyway.config.json', async () => {
    const folder = join(dir, 'json');
    await mkdir(folder);
    await writeFile(join(folder, 'keyway.config.json'), JSON.stringify({ input: 'o.yaml', output: 'out' }));
    const file = findConfig(folder);
    expect(file).toBe(join(folder, 'keyway.config.json'));
    expect(await loadConfig(file)).toEqual({ file, clients: [{ input: join(folder, 'o.yaml'), output: join(folder, 'out') }] });
  });

  it('loads keyway.config.mjs (an object or a function as the default export)', async () => {
    const folder = join(dir, 'mjs');
    await mkdir(folder);
    await writeFile(join(folder, 'keyway.config.mjs'), "export default () => ({ clients: [{ input: 'o.yaml', output: 'out', name: 'FromMjs' }] });\n");
    const config = await loadConfig(findConfig(folder));
    expect(config.clients).toEqual([{ input: join(folder, 'o.yaml'), output: join(folder, 'out'), name: 'FromMjs' }]);
  });

  it.each([
    { name: 'invalid JSON', file: 'keyway.config.json', text: '{ "input": ', code: 'E_PARSE', message: /not valid JSON/ },
    { name: 'a module that throws', file: 'keyway.config.mjs', text: 'throw new Error("boom");', code: 'E_PARSE', message: /failed to load: boom/ },
    { name: 'a module without default export', file: 'keyway.config.mjs', text: 'export const x = 1;', code: 'E_USAGE', message: /no default export/ },
  ])('$name → $code', async ({ name, file, text, code, message }) => {
    const folder = join(dir, name.replace(/\W+/g, '-'));
    await mkdir(folder);
    await writeFile(join(folder, file), text);
    const error = await loadConfig(join(folder, file)).then(
      () => undefined,
      (e: unknown) => e as KeywayError,
    );
    expect(error?.code).toBe(code);
    expect(error?.message).toMatch(message);
    expect(error?.location.file).toBe(join(folder, file));
  });

  it('refuses a TypeScript config with a way out', async () => {
    const folder = join(dir, 'ts');
    await mkdir(folder);
    await writeFile(join(folder, 'keyway.config.ts'), 'export default {}');
    expect(errorOf(() => findConfig(folder)).message).toMatch(/keyway\.config\.ts is not supported .*keyway\.config\.mjs/);
  });

  it('refuses to guess between two config files, and says when there is none', async () => {
    const folder = join(dir, 'two');
    await mkdir(folder);
    expect(errorOf(() => findConfig(folder)).message).toMatch(/no spec given and no config file found/);
    await writeFile(join(folder, 'keyway.config.json'), '{}');
    await writeFile(join(folder, 'keyway.config.mjs'), 'export default {}');
    expect(errorOf(() => findConfig(folder)).message).toMatch(/found keyway\.config\.json and keyway\.config\.mjs; keep one/);
  });
});
