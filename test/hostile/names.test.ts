/**
 * fixtures/hostile/names.yaml: operationIds, parameters, schemas and security schemes named like
 * keywords, globals, Object.prototype members, keyway's own names, digits-first, empty, all-symbol,
 * or differing only in case or punctuation. The client must compile, every operation must get its
 * own usable method, and every parameter and credential must go out under its spec name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generate } from '../../src/generate.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';
import { typecheck } from '../support/tsc.js';
import { startRecordingServer, type RecordingServer } from './recording-server.js';

const SPEC = join(import.meta.dirname, '../../fixtures/hostile/names.yaml');
const spec = parse(readFileSync(SPEC, 'utf8')) as { paths: Record<string, Record<string, unknown>>; components: { schemas: object } };

interface ParamSpec {
  key: string;
  name: string;
  in: string;
}
interface OperationSpec {
  path: string;
  method: string;
  params: ParamSpec[];
  body?: { key: string };
}
type Method = (args?: object, options?: object) => Promise<unknown>;

let dir: string;
let server: RecordingServer;
let mod: Record<string, unknown>;
let operations: Record<string, OperationSpec>;
let Client: new (options: object) => Record<string, Method>;

beforeAll(async () => {
  dir = await makeTempDir('keyway-names-');
  const result = await generate({ input: SPEC, output: join(dir, 'client') });
  expect(result.clientName).toBe('NamesClient');
  mod = (await import(pathToFileURL(join(dir, 'client', 'index.ts')).href)) as Record<string, unknown>;
  operations = mod['operations'] as Record<string, OperationSpec>;
  Client = mod['NamesClient'] as typeof Client;
  server = await startRecordingServer();
}, 30_000);

afterAll(async () => {
  await server?.stop();
  if (dir) await removeTempDir(dir);
});

beforeEach(() => {
  server.requests.length = 0;
});

const operationCount = Object.values(spec.paths).reduce((n, item) => n + Object.keys(item).filter((k) => k !== 'parameters').length, 0);

describe('hostile names', () => {
  it.each(['NodeNext', 'Bundler'] as const)('compile under strict, %s', async (moduleResolution) => {
    const result = await typecheck(join(dir, 'client'), { moduleResolution });
    expect(result.diagnostics).toBe('');
    expect(result.exitCode).toBe(0);
  }, 60_000);

  it('give every operation its own method, and break nothing a client inherits', () => {
    const client = new Client({ baseUrl: server.url });
    const names = Object.keys(operations);
    expect(names).toHaveLength(operationCount);
    for (const name of names) expect(typeof client[name], name).toBe('function');
    expect((client as object).constructor).toBe(Client);
    expect(String(client)).toBe('[object Object]');
    expect('then' in client).toBe(false); // `await client` must not hang
    expect(Object.getPrototypeOf(client)).toBe(Client.prototype);
  });

  it('call every operation at its own path', async () => {
    const client = new Client({ baseUrl: server.url, auth: { auth: 'a' } });
    for (const [name, op] of Object.entries(operations)) {
      const args: Record<string, unknown> = Object.fromEntries(op.params.map((p) => [p.key, 'v']));
      if (op.body) args[op.body.key] = {};
      await client[name]!(args);
      expect(server.requests.at(-1)?.path, name).toBe(op.path.replace('{id}', 'v'));
    }
    expect(server.requests).toHaveLength(operationCount);
  });

  it('send each colliding parameter under its spec name and nothing inherited', async () => {
    const [name, op] = Object.entries(operations).find(([, o]) => o.path === '/class/{id}')!;
    const client = new Client({ baseUrl: server.url });
    // Object.fromEntries: `__proto__` becomes an own property, as in `{ ['__proto__']: ... }`
    // A spec writes a parameter's wire name only when it is not its key.
    const wire = (p: { key: string; name?: string }): string => p.name ?? p.key;
    const args = Object.fromEntries(op.params.map((p) => [p.key, `value of ${p.in} ${wire(p)}`]));
    server.reply({ status: 200, headers: { 'content-type': 'application/json' }, body: '{}' });
    await client[name]!(args);
    const request = server.requests.at(-1)!;
    expect(request.path).toBe('/class/value of path id');
    const query = op.params.filter((p) => p.in === 'query').map((p) => [wire(p), `value of query ${wire(p)}`]);
    expect(request.query).toEqual(query);
    for (const p of op.params.filter((p) => p.in === 'header')) expect(request.headers[wire(p).toLowerCase()]).toBe(`value of header ${wire(p)}`);
    // keys are unique even where spec names repeat across locations
    expect(new Set(op.params.map((p) => p.key)).size).toBe(op.params.length);

    await client[name]!({ id: 'x' });
    expect(server.requests.at(-1)!.query).toEqual([]); // no `constructor=function Object()`, no `toString=`
  });

  it('keep the body apart from parameters named body and requestBody', async () => {
    const [name, op] = Object.entries(operations).find(([, o]) => o.path === '/default')!;
    expect(op.body).toBeDefined();
    expect(op.params.map((p) => p.key)).not.toContain(op.body!.key);
    const body = JSON.parse('{"__proto__":"own","constructor":1}');
    server.reply({ status: 200, headers: { 'content-type': 'application/json' }, body: '"Promise"' });
    const result = await new Client({ baseUrl: server.url })[name]!({ body: 'b', requestBody: 'r', [op.body!.key]: body });
    expect(result).toBe('Promise');
    const request = server.requests.at(-1)!;
    expect(request.query).toEqual([['body', 'b'], ['requestBody', 'r']]);
    expect(request.body).toBe('{"__proto__":"own","constructor":1}');
  });

  it('read credentials for schemes named __proto__, constructor and toString only when given', async () => {
    const name = Object.keys(operations).find((n) => operations[n]!.path === '/request')!;
    const call = (auth: object) => new Client({ baseUrl: server.url, auth })[name]!();
    await expect(call({})).rejects.toMatchObject({ name: 'AuthRequiredError' });
    expect(server.requests).toHaveLength(0);

    await call(JSON.parse('{"__proto__":"p","toString":"t"}'));
    let request = server.requests.at(-1)!;
    expect(request.headers['x-proto']).toBe('p');
    expect(request.headers['authorization']).toBe('Bearer t');
    expect(request.query).toEqual([]);

    await call({ constructor: 'c' });
    request = server.requests.at(-1)!;
    expect(request.query).toEqual([['constructor', 'c']]);
    expect(request.headers['x-proto']).toBeUndefined();
  });

  it('give every schema and every argument object its own exported type name', () => {
    const types = readFileSync(join(dir, 'client', 'types.ts'), 'utf8');
    const declared = [...types.matchAll(/^export type (\S+) =/gm)].map((m) => m[1]);
    const functions = readFileSync(join(dir, 'client', 'functions.ts'), 'utf8');
    // A function's args type is its maker's first type argument (`fn$<T.GetPetArgs, T.Pet>`).
    const argsTypes = [...functions.matchAll(/\b(?:fn\$|fnOptionalArgs\$)<T\.([^,\s]+),/g)].map((m) => m[1]);
    expect(argsTypes.length).toBeGreaterThan(1);
    expect(declared).toHaveLength(Object.keys(spec.components.schemas).length + argsTypes.length);
    expect(declared).toEqual(expect.arrayContaining(argsTypes));
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('leave a schema named like an argument type its name, and give the arguments another', () => {
    const types = readFileSync(join(dir, 'client', 'types.ts'), 'utf8');
    expect(types).toContain('export type ClassArgs = "ClassArgs";');
    expect(types).toContain('export type DefaultArgs = "DefaultArgs";');
    const methods = readFileSync(join(dir, 'client', 'methods.ts'), 'utf8');
    expect(methods).toMatch(/^  class\(args: T\.ClassArgs2, options\?: RequestOptions\)/m);
    expect(methods).toMatch(/^  default\(args: T\.DefaultArgs2, options\?: RequestOptions\)/m);
  });
});
