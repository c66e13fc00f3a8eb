import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import type { AuthRequest } from '../../../src/runtime/auth-strategy.js';
import { ApiKeyAuth } from '../../../src/runtime/api-key-auth.js';
import { BasicAuth } from '../../../src/runtime/basic-auth.js';
import { BearerAuth } from '../../../src/runtime/bearer-auth.js';
import { HttpAuth } from '../../../src/runtime/http-auth.js';
import { createAuthStrategies } from '../../support/create-auth-strategies.js';
import { authSchemeSpelling, encodeBasicCredentials, formatAuthorization } from '../../../src/runtime/authorization-header.js';

const SECRET = 's3cr3t-VALUE';
const ctx = { scopes: [], operation: 'op' };

function request(url = 'https://api.test/v1/pets'): AuthRequest {
  return { method: 'GET', url: new URL(url), headers: new Headers() };
}

describe('ApiKeyAuth', () => {
  it('header: sets the named header', async () => {
    const req = request();
    await new ApiKeyAuth('k', { in: 'header', name: 'X-API-Key' }, SECRET).apply(req);
    expect(req.headers.get('x-api-key')).toBe(SECRET);
  });

  it('query: appends an encoded pair after the existing query', async () => {
    const req = request('https://api.test/v1/pets?limit=1');
    await new ApiKeyAuth('k', { in: 'query', name: 'api key' }, 'a&b=c d').apply(req);
    expect(req.url.href).toBe('https://api.test/v1/pets?limit=1&api%20key=a%26b%3Dc%20d');
  });

  it('query: keeps earlier raw encoding intact', async () => {
    const req = request('https://api.test/p?path=a/b');
    await new ApiKeyAuth('k', { in: 'query', name: 'key' }, 'x').apply(req);
    expect(req.url.search).toBe('?path=a/b&key=x');
  });

  it('cookie: merges with an existing Cookie header', async () => {
    const req = request();
    req.headers.set('cookie', 'a=1');
    await new ApiKeyAuth('k', { in: 'cookie', name: 'session' }, 'tok;en').apply(req);
    expect(req.headers.get('cookie')).toBe('a=1; session=tok%3Ben');
  });

  it('calls a key function on every request', async () => {
    let n = 0;
    const strategy = new ApiKeyAuth('k', { in: 'header', name: 'X-Key' }, async () => `key-${++n}`);
    const first = request();
    const second = request();
    await strategy.apply(first);
    await strategy.apply(second);
    expect([first.headers.get('x-key'), second.headers.get('x-key')]).toEqual(['key-1', 'key-2']);
  });
});

describe('BasicAuth', () => {
  it.each([
    ['Aladdin', 'open sesame', 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=='],
    ['test', '123£', 'Basic dGVzdDoxMjPCow=='],
    ['jürgen', 'пароль', `Basic ${Buffer.from('jürgen:пароль', 'utf8').toString('base64')}`],
    ['', '', 'Basic Og=='],
  ])('%s:%s → %s', (username, password, expected) => {
    const req = request();
    new BasicAuth('basic', { username, password }).apply(req);
    expect(req.headers.get('authorization')).toBe(expected);
  });

  it.each([
    [{ password: 'x' }, /username must be a string/],
    [{ username: 'u' }, /password must be a string/],
    [{ username: 'a:b', password: SECRET }, /must not contain ":"/],
    [{ username: 'a', password: `${SECRET}\n` }, /control characters/],
    [null, /needs \{ username, password \}/],
  ])('rejects a malformed credential %#', (credentials, message) => {
    const make = () => new BasicAuth('my_basic', credentials as never);
    expect(make).toThrow(TypeError);
    expect(make).toThrow(message);
    expect(make).toThrow(/"my_basic"/);
    expect(make).not.toThrow(new RegExp(SECRET));
  });
});

describe('BearerAuth', () => {
  it('sets Authorization: Bearer <token>', async () => {
    const req = request();
    await new BearerAuth('b', SECRET).apply(req);
    expect(req.headers.get('authorization')).toBe(`Bearer ${SECRET}`);
  });

  it('awaits a token function per request', async () => {
    const source = vi.fn(async () => 't' + source.mock.calls.length);
    const strategy = new BearerAuth('b', source);
    const a = request();
    const b = request();
    await strategy.apply(a);
    await strategy.apply(b);
    expect(source).toHaveBeenCalledTimes(2);
    expect(b.headers.get('authorization')).toBe('Bearer t2');
  });

  it.each([
    ['empty string', async () => ''],
    ['non-string', async () => 42 as unknown as string],
  ])('rejects a token function returning %s', async (_label, source) => {
    await expect(new BearerAuth('b', source).apply(request())).rejects.toThrow(/"b" did not return a non-empty string/);
  });

  it.each([`${SECRET}\r\nX-Evil: 1`, `${SECRET}☃`])('rejects a token a header cannot carry without echoing it', async (token) => {
    const promise = new BearerAuth('b', token).apply(request());
    await expect(promise).rejects.toThrow(/^security scheme "b": the credential contains characters an HTTP header cannot carry$/);
    await expect(new BearerAuth('b', token).apply(request())).rejects.not.toThrow(new RegExp(SECRET));
  });
});

describe('HttpAuth', () => {
  it.each([
    ['negotiate', 'Negotiate'],
    ['dpop', 'DPoP'],
    ['scram-sha-256', 'SCRAM-SHA-256'],
    ['custom', 'Custom'],
  ])('%s is written as %s', async (httpScheme, spelled) => {
    const req = request();
    await new HttpAuth('h', httpScheme, 'abc').apply(req);
    expect(req.headers.get('authorization')).toBe(`${spelled} abc`);
  });

  it('rejects a scheme name that is not an HTTP token', () => {
    expect(() => new HttpAuth('h', 'bad name\r\n', 'abc')).toThrow(/not a valid HTTP auth scheme name/);
  });
});

describe('authorization helpers', () => {
  it('spells the registered schemes', () => {
    expect(['basic', 'BEARER', 'hoba'].map(authSchemeSpelling)).toEqual(['Basic', 'Bearer', 'HOBA']);
  });
  it('writes a fixed scheme as its caller spells it, the first letter capitalized (no registry)', () => {
    expect(formatAuthorization('bearer', 't')).toBe('Bearer t');
    expect(formatAuthorization('DPoP', 't')).toBe('DPoP t');
    expect(formatAuthorization('OAuth', 'a="b"')).toBe('OAuth a="b"');
  });
  it('base64-encodes UTF-8, not Latin-1', () => {
    expect(encodeBasicCredentials('ü', '✓')).toBe(Buffer.from('ü:✓').toString('base64'));
  });
});

describe('createAuthStrategies', () => {
  const schemes = {
    api_key: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
    basic: { type: 'http', scheme: 'basic' },
    bearer: { type: 'http', scheme: 'bearer' },
    nego: { type: 'http', scheme: 'negotiate' },
  } as const;

  it('creates one strategy per supplied credential, of the matching class', () => {
    const map = createAuthStrategies(schemes, { api_key: 'k', basic: { username: 'u', password: 'p' }, bearer: () => 't', nego: 'n' });
    expect([...map.keys()]).toEqual(['api_key', 'basic', 'bearer', 'nego']);
    expect(map.get('api_key')).toBeInstanceOf(ApiKeyAuth);
    expect(map.get('basic')).toBeInstanceOf(BasicAuth);
    expect(map.get('bearer')).toBeInstanceOf(BearerAuth);
    expect(map.get('nego')).toBeInstanceOf(HttpAuth);
    expect(map.get('nego')?.scheme).toBe('nego');
  });

  it('sends an OAuth2 / OpenID Connect access token as a bearer token', async () => {
    const map = createAuthStrategies({ oauth: { type: 'accessToken' } }, { oauth: { accessToken: async () => SECRET } });
    const req = request();
    await map.get('oauth')!.apply(req, ctx);
    expect(req.headers.get('authorization')).toBe(`Bearer ${SECRET}`);
    expect(() => createAuthStrategies({ oauth: { type: 'accessToken' } }, { oauth: SECRET })).toThrow(/"oauth" must be an object with an accessToken/);
    expect(() => createAuthStrategies({ oauth: { type: 'accessToken' } }, { oauth: SECRET })).not.toThrow(new RegExp(SECRET));
  });

  it('skips schemes without a credential, and undefined credentials', () => {
    expect([...createAuthStrategies(schemes, { bearer: undefined, api_key: 'k' }).keys()]).toEqual(['api_key']);
    expect(createAuthStrategies(schemes, undefined).size).toBe(0);
  });

  it('never reads inherited properties, even for scheme names like __proto__ and constructor', () => {
    const hostile = JSON.parse('{"__proto__": {"type":"http","scheme":"bearer"}, "constructor": {"type":"http","scheme":"bearer"}, "toString": {"type":"http","scheme":"bearer"}}');
    const inherited = Object.create({ constructor: 'x', toString: 'y' });
    expect(createAuthStrategies(hostile, inherited).size).toBe(0);
    expect(createAuthStrategies(hostile, {}).size).toBe(0);
    const own = JSON.parse('{"__proto__": "tok"}');
    const map = createAuthStrategies(hostile, own);
    expect([...map.keys()]).toEqual(['__proto__']);
  });

  it.each([
    ['basic', { username: 'u' }],
    ['bearer', 42],
    ['bearer', ''],
    ['api_key', { key: SECRET }],
  ])('a malformed %s credential throws a TypeError naming the scheme, not the value', (scheme, credential) => {
    const make = () => createAuthStrategies(schemes, { [scheme]: credential });
    expect(make).toThrow(TypeError);
    expect(make).toThrow(`"${scheme}"`);
    expect(make).not.toThrow(new RegExp(SECRET));
  });
});

describe('secrets stay out of sight', () => {
  const strategies = [
    new ApiKeyAuth('k', { in: 'header', name: 'X-Key' }, SECRET),
    new BasicAuth('b', { username: 'user', password: SECRET }),
    new BearerAuth('t', SECRET),
    new BearerAuth('t', () => SECRET),
    new HttpAuth('h', 'negotiate', SECRET),
  ];
  const base64Secret = Buffer.from(`user:${SECRET}`).toString('base64');

  it.each(strategies.map((s) => [s.constructor.name, s] as const))('%s: inspect and JSON show no credential', (_name, strategy) => {
    for (const text of [inspect(strategy, { showHidden: true, depth: 10 }), JSON.stringify(strategy), String(Object.values(strategy))]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(base64Secret);
    }
  });
});
