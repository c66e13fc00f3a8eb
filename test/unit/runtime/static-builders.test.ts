/**
 * The static schemes' builders (apiKey, bearer, basic, httpToken) for a <Name>Core: given a scheme
 * spec and a built credential, what the strategy it makes puts on a request, or the TypeError it
 * throws (scheme named, never the value), as the client class's plain path does with the same classes.
 */
import { describe, expect, it } from 'vitest';
import { apiKey } from '../../../src/runtime/api-key.js';
import type { AuthRequest, SchemeSpec } from '../../../src/runtime/auth-strategy.js';
import { basic } from '../../../src/runtime/basic.js';
import { bearer } from '../../../src/runtime/bearer.js';
import { strategyMaker, type Credential } from '../../../src/runtime/credential.js';
import { httpToken } from '../../../src/runtime/http-token.js';
import { staticStrategies } from '../../../src/runtime/static-strategies.js';
import type { FactoryContext } from '../../../src/runtime/strategy-factory.js';

const SECRET = 's3cr3t-VALUE';
const context: FactoryContext = { env: undefined, shared: {} };

interface Case {
  name: string;
  given: { spec: SchemeSpec; credential: Credential };
  /** What the request carries after apply (header, the URL's query, Cookie), or the TypeError's message. */
  want: { header?: [string, string]; query?: string; cookie?: string } | { error: RegExp };
}

const CASES: Case[] = [
  { name: 'apiKey in a header', given: { spec: { type: 'apiKey', in: 'header', name: 'X-API-Key' }, credential: apiKey(SECRET) }, want: { header: ['x-api-key', SECRET] } },
  { name: 'apiKey in the query, encoded', given: { spec: { type: 'apiKey', in: 'query', name: 'api key' }, credential: apiKey('a&b') }, want: { query: '?api%20key=a%26b' } },
  { name: 'apiKey in a cookie', given: { spec: { type: 'apiKey', in: 'cookie', name: 'session' }, credential: apiKey('tok') }, want: { cookie: 'session=tok' } },
  { name: 'apiKey from a function', given: { spec: { type: 'apiKey', in: 'header', name: 'X-Key' }, credential: apiKey(async () => 'fresh') }, want: { header: ['x-key', 'fresh'] } },
  { name: 'apiKey: an empty key', given: { spec: { type: 'apiKey', in: 'header', name: 'X-Key' }, credential: apiKey('') }, want: { error: /^the credential for security scheme "s" must be a non-empty string or a function returning one$/ } },
  { name: 'apiKey: the spec names no parameter', given: { spec: { type: 'apiKey', in: 'header', name: '' }, credential: apiKey(SECRET) }, want: { error: /^security scheme "s": the API key needs a parameter name$/ } },
  { name: 'apiKey for a bearer scheme', given: { spec: { type: 'http', scheme: 'bearer' }, credential: apiKey(SECRET) }, want: { error: /^security scheme "s": apiKey\(\) fits an API key scheme only$/ } },
  { name: 'bearer for HTTP bearer', given: { spec: { type: 'http', scheme: 'bearer' }, credential: bearer(SECRET) }, want: { header: ['authorization', `Bearer ${SECRET}`] } },
  { name: 'bearer for an OAuth 2.0 scheme (a token obtained elsewhere)', given: { spec: { type: 'oauth2', flows: {} }, credential: bearer(SECRET) }, want: { header: ['authorization', `Bearer ${SECRET}`] } },
  { name: 'bearer for an OpenID Connect scheme', given: { spec: { type: 'openIdConnect', url: 'https://id.test/.well-known/openid-configuration' }, credential: bearer(() => 'from-fn') }, want: { header: ['authorization', 'Bearer from-fn'] } },
  { name: 'bearer: a token no header can carry', given: { spec: { type: 'http', scheme: 'bearer' }, credential: bearer('a\r\nb') }, want: { error: /^security scheme "s": the credential contains characters an HTTP header cannot carry$/ } },
  { name: 'bearer for basic', given: { spec: { type: 'http', scheme: 'basic' }, credential: bearer(SECRET) }, want: { error: /^security scheme "s": bearer\(\) fits an HTTP bearer, OAuth 2.0 or OpenID Connect scheme only$/ } },
  { name: 'bearer for an API key', given: { spec: { type: 'apiKey', in: 'header', name: 'X' }, credential: bearer(SECRET) }, want: { error: /: bearer\(\) fits an HTTP bearer, OAuth 2.0 or OpenID Connect scheme only$/ } },
  { name: 'basic', given: { spec: { type: 'http', scheme: 'basic' }, credential: basic({ username: 'jürgen', password: SECRET }) }, want: { header: ['authorization', `Basic ${Buffer.from(`jürgen:${SECRET}`, 'utf8').toString('base64')}`] } },
  { name: 'basic: a colon in the username', given: { spec: { type: 'http', scheme: 'basic' }, credential: basic({ username: 'a:b', password: SECRET }) }, want: { error: /^security scheme "s": username must not contain ":"$/ } },
  { name: 'basic: no password', given: { spec: { type: 'http', scheme: 'basic' }, credential: basic({ username: 'a' } as never) }, want: { error: /^security scheme "s": password must be a string$/ } },
  { name: 'basic for digest', given: { spec: { type: 'http', scheme: 'digest' }, credential: basic({ username: 'a', password: SECRET }) }, want: { error: /^security scheme "s": basic\(\) fits an HTTP basic scheme only$/ } },
  { name: 'httpToken for another HTTP scheme', given: { spec: { type: 'http', scheme: 'negotiate' }, credential: httpToken(SECRET) }, want: { header: ['authorization', `Negotiate ${SECRET}`] } },
  { name: 'httpToken: an invalid scheme name', given: { spec: { type: 'http', scheme: 'bad scheme' }, credential: httpToken(SECRET) }, want: { error: /^security scheme "s": "bad scheme" is not a valid HTTP auth scheme name$/ } },
  { name: 'httpToken for bearer (it has its own builder)', given: { spec: { type: 'http', scheme: 'bearer' }, credential: httpToken(SECRET) }, want: { error: /^security scheme "s": httpToken\(\) fits an HTTP scheme other than basic, bearer, digest and OAuth 1.0a only$/ } },
  { name: 'httpToken for digest', given: { spec: { type: 'http', scheme: 'digest' }, credential: httpToken(SECRET) }, want: { error: /httpToken\(\) fits an HTTP scheme other than basic, bearer, digest and OAuth 1.0a only/ } },
  { name: 'httpToken for an API key', given: { spec: { type: 'apiKey', in: 'header', name: 'X' }, credential: httpToken(SECRET) }, want: { error: /httpToken\(\) fits an HTTP scheme other than basic, bearer, digest and OAuth 1.0a only/ } },
];

async function applied(spec: SchemeSpec, credential: Credential): Promise<AuthRequest> {
  const strategy = strategyMaker(credential)!('s', spec, context);
  const request: AuthRequest = { method: 'GET', url: new URL('https://api.test/pets'), headers: new Headers() };
  await strategy.apply(request, { scopes: [], operation: 'listPets' });
  return request;
}

describe('static builders: scheme spec × builder', () => {
  for (const { name, given, want } of CASES) {
    it(name, async () => {
      if ('error' in want) {
        const error = await applied(given.spec, given.credential).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(TypeError);
        expect((error as Error).message).toMatch(want.error);
        expect((error as Error).message).not.toContain(SECRET);
        return;
      }
      const request = await applied(given.spec, given.credential);
      if (want.header) expect(request.headers.get(want.header[0])).toBe(want.header[1]);
      expect(request.url.search).toBe(want.query ?? '');
      expect(request.headers.get('cookie')).toBe(want.cookie ?? null);
    });
  }

  it('make the strategy class the plain path makes for the same scheme', () => {
    const specs: Array<[SchemeSpec, Credential, unknown]> = [
      [{ type: 'apiKey', in: 'header', name: 'X' }, apiKey(SECRET), SECRET],
      [{ type: 'http', scheme: 'bearer' }, bearer(SECRET), SECRET],
      [{ type: 'oauth2', flows: {} }, bearer(SECRET), { accessToken: SECRET }],
      [{ type: 'http', scheme: 'basic' }, basic({ username: 'u', password: SECRET }), { username: 'u', password: SECRET }],
      [{ type: 'http', scheme: 'negotiate' }, httpToken(SECRET), SECRET],
    ];
    for (const [spec, built, plain] of specs) {
      const fromBuilder = strategyMaker(built)!('s', spec, context);
      // oauth2's plain `{ accessToken }` goes through the OAuth factory; the accessToken spec is the static path's form of it.
      const fromPlain = staticStrategies('s', spec.type === 'oauth2' ? { type: 'accessToken' } : spec, plain, context)!;
      expect(fromBuilder.constructor).toBe(fromPlain.constructor);
    }
  });
});
