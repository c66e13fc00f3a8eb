/**
 * fixtures/hostile/strings.yaml puts code payloads in every string keyway copies into generated
 * code. The client must generate, compile under strict (NodeNext and Bundler), import and run
 * against a local server, with no payload executed, and with every string sent exactly as the spec
 * spells it.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generate } from '../../src/generate.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';
import { typecheck } from '../support/tsc.js';
import { generatedSources, livePayloadTokens, markerState, payloadEffects, syntaxErrors, type MarkerState } from './inert.js';
import { cookiePairs, startRecordingServer, type RecordingServer } from './recording-server.js';

const SPEC = join(import.meta.dirname, '../../fixtures/hostile/strings.yaml');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the fixture, read back as data
const spec = parse(readFileSync(SPEC, 'utf8')) as Json;
const [echoPath, itemsPath] = Object.keys(spec.paths) as [string, string];
const echo = spec.paths[echoPath];
const items = spec.paths[itemsPath].post;
const [queryParam] = echo.parameters;
const [headerParam, cookieParam] = echo.get.parameters;
const [pathParam] = items.parameters;
const [bodyMediaType] = Object.keys(items.requestBody.content) as [string];
const schemeNames = Object.keys(spec.components.securitySchemes) as [string, string, string, string];
const [headerKeyScheme, queryKeyScheme, bearerScheme] = schemeNames;

type Method = (args?: object, options?: object) => Promise<unknown>;
type Client = Record<string, Method>;

let dir: string;
let clientName: string;
let server: RecordingServer;
let mod: Record<string, unknown>;
let before: MarkerState;

beforeAll(async () => {
  rmSync('/tmp/keyway-pwned', { force: true });
  before = markerState();
  dir = await makeTempDir('keyway-hostile-');
  ({ clientName } = await generate({ input: SPEC, output: join(dir, 'client') }));
  server = await startRecordingServer();
}, 30_000);

afterAll(async () => {
  await server?.stop();
  if (dir) await removeTempDir(dir);
  delete (globalThis as Record<string, unknown>)['PWNED'];
});

function client(auth: object = {}): Client {
  const Class = mod[clientName] as new (options: object) => Client;
  return new Class({ baseUrl: server.url, auth });
}

function lastRequest() {
  const request = server.requests.at(-1);
  if (request === undefined) throw new Error('the server received nothing');
  return request;
}

describe('hostile strings', () => {
  it('generates files in which every payload is a string literal or a comment', () => {
    const files = generatedSources(join(dir, 'client'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(files.flatMap(syntaxErrors)).toEqual([]);
    expect(files.flatMap(livePayloadTokens)).toEqual([]);
    // the payloads did reach the output, as data
    expect(readFileSync(join(dir, 'client', 'operations.ts'), 'utf8')).toContain('PWNED');
    expect(payloadEffects(before)).toEqual([]);
  });

  it.each(['NodeNext', 'Bundler'] as const)('compiles under strict, %s', async (moduleResolution) => {
    const result = await typecheck(join(dir, 'client'), { moduleResolution });
    expect(result.diagnostics).toBe('');
    expect(result.exitCode).toBe(0);
  }, 60_000);

  it('imports without running a payload', async () => {
    mod = (await import(pathToFileURL(join(dir, 'client', 'index.ts')).href)) as Record<string, unknown>;
    expect(typeof mod[clientName]).toBe('function');
    expect(payloadEffects(before)).toEqual([]);
  });

  it('sends the path, every enum value, the header and the cookie exactly as the spec spells them', async () => {
    const api = client({ [headerKeyScheme]: 'key "1" */' });
    const method = Object.keys(mod['operations'] as object)[0]!;
    const values = queryParam.schema.enum as string[];
    for (const value of values) {
      server.reply({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' });
      const result = await api[method]!({
        [queryParam.name]: value,
        [headerParam.name]: headerParam.schema.enum[0],
        [cookieParam.name]: value,
      });
      expect(result).toEqual({ ok: true });
      const request = lastRequest();
      expect(request.method).toBe('GET');
      expect(request.path).toBe(echoPath);
      expect(request.query).toEqual([[queryParam.name, value]]);
      expect(request.headers[headerParam.name]).toBe(headerParam.schema.enum[0]);
      expect(request.headers[spec.components.securitySchemes[headerKeyScheme].name.toLowerCase()]).toBe('key "1" */');
      expect(cookiePairs(request.headers.cookie as string)).toEqual([[cookieParam.name, value]]);
    }
    expect(server.requests).toHaveLength(values.length);
    expect(payloadEffects(before)).toEqual([]);
  });

  it('sends a hostile path parameter, media type, body and query API key exactly', async () => {
    const api = client({ [queryKeyScheme]: 'k\'"`${x}', [bearerScheme]: 'tok' });
    const method = Object.keys(mod['operations'] as object)[1]!;
    const id = 'it\'s "v" `x` ${y} */ \\ ../ </script>';
    // every hostile property name, `__proto__` included: Object.fromEntries makes them own properties
    const schema = spec.components.schemas[Object.keys(spec.components.schemas)[0]!];
    const body = Object.fromEntries(Object.keys(schema.properties).map((name) => [name, `value of ${name}`]));
    body['kind'] = schema.properties.kind.enum[0];
    const reply = { kind: '*/', '</script>': '${globalThis.PWNED = 1}' };
    server.reply({ status: 201, headers: { 'content-type': bodyMediaType }, body: JSON.stringify(reply) });
    const result = await api[method]!({ [pathParam.name]: id, body });
    expect(result).toEqual(reply);
    const request = lastRequest();
    expect(request.method).toBe('POST');
    expect(request.path).toBe(itemsPath.replace(`{${pathParam.name}}`, id));
    expect(request.headers['content-type']).toBe(bodyMediaType);
    expect(request.headers['accept']).toBe(bodyMediaType);
    expect(JSON.parse(request.body)).toEqual(body);
    expect(Object.hasOwn(JSON.parse(request.body), '__proto__')).toBe(true);
    expect(request.query).toEqual([[spec.components.securitySchemes[queryKeyScheme].name, 'k\'"`${x}']]);
    expect(request.headers.authorization).toBe('Bearer tok');
    expect(payloadEffects(before)).toEqual([]);
  });

  it('refuses a call whose hostile-named schemes have no credentials, naming them as data', async () => {
    const method = Object.keys(mod['operations'] as object)[1]!;
    const sent = server.requests.length;
    await expect(client()[method]!({ [pathParam.name]: 'x', body: {} })).rejects.toThrow(`${queryKeyScheme} + ${bearerScheme}`);
    expect(server.requests).toHaveLength(sent);
  });

  it('uses the hostile server URL as the default base URL, parsed as a URL', async () => {
    const Class = mod[clientName] as new (options: object) => Client;
    let seen: URL | undefined;
    const recordingFetch = async (input: string | URL | Request) => {
      seen = new URL(input instanceof Request ? input.url : input);
      return new Response(null, { status: 204 });
    };
    const server0 = spec.servers[0];
    const expected = new URL(server0.url.replace('{base}', server0.variables.base.default));
    const method = Object.keys(mod['operations'] as object)[0]!;
    await new Class({ fetch: recordingFetch, auth: { [headerKeyScheme]: 'k' } })[method]!({});
    expect(seen?.origin).toBe(expected.origin);
    expect(seen?.pathname.startsWith(expected.pathname.replace(/\/+$/, ''))).toBe(true);
    expect(payloadEffects(before)).toEqual([]);
  });

  it('a Core without baseUrl sends to the same URL, which the generator wrote as a string constant; the builder gives it too', async () => {
    const Core = mod[clientName.replace(/Client$/, 'Core')] as new (options: object) => object;
    const builder = Object.keys(mod).find((name) => name.endsWith('ServerUrl'))!;
    const seen: string[] = [];
    const recordingFetch = async (input: string | URL | Request) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return new Response(null, { status: 204 });
    };
    const method = Object.keys(mod['operations'] as object)[0]!;
    const send = (mod[method] ?? mod[`${method}_`]) as (client: object, args: object) => Promise<unknown>;
    await send(new Core({ fetch: recordingFetch, auth: (mod['anyAuth'] as (auth: object) => object)({ [headerKeyScheme]: 'k' }) }), {});
    await new (mod[clientName] as new (options: object) => Client)({ fetch: recordingFetch, auth: { [headerKeyScheme]: 'k' } })[method]!({});
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
    const server0 = spec.servers[0];
    expect((mod[builder] as () => string)()).toBe(server0.url.replace('{base}', server0.variables.base.default));
    expect(payloadEffects(before)).toEqual([]);
  });
});
