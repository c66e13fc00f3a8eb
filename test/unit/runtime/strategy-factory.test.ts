/**
 * buildAuthStrategies: a built credential makes its own strategy, a plain one the first factory
 * that takes it; without factories (a <Name>Core) a plain one is a TypeError. Built OAuth
 * credentials of one client share its OAuth state (token store, discovery cache), as plain ones do:
 * two OpenID Connect schemes with one discovery URL fetch it once from a real server on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKey } from '../../../src/runtime/api-key.js';
import type { SchemeSpec } from '../../../src/runtime/auth-strategy.js';
import { bearer } from '../../../src/runtime/bearer.js';
import { testCore } from '../../support/test-core.js';
import { credential } from '../../../src/runtime/credential.js';
import { clientCredentials } from '../../../src/runtime/oauth2/client-credentials.js';
import { oauth2Strategies } from '../../../src/runtime/oauth2/oauth2-strategies.js';
import { staticStrategies } from '../../../src/runtime/static-strategies.js';
import { buildPlainCredentials } from '../../../src/runtime/plain-credentials.js';
import { buildAuthStrategies, type StrategyFactory } from '../../../src/runtime/strategy-factory.js';
import { json, startRawServer, type RawServer } from './oauth2/support/raw-server.js';

const SCHEMES: Record<string, SchemeSpec> = {
  key: { type: 'apiKey', in: 'header', name: 'X-Key' },
  token: { type: 'http', scheme: 'bearer' },
};

describe('buildAuthStrategies', () => {
  it('makes a built credential with its own maker, given the scheme, its spec and the client context', () => {
    const seen: unknown[] = [];
    const made = { scheme: 'key', apply: () => undefined };
    const env = { baseUrl: 'https://api.test' };
    const strategies = buildAuthStrategies(SCHEMES, { key: credential((scheme, spec, context) => (seen.push(scheme, spec, context.env), made)) }, env);
    expect(strategies.get('key')).toBe(made);
    expect(seen).toEqual(['key', SCHEMES.key, env]);
  });

  it('takes plain credentials once buildPlainCredentials has built them with factories (the client class, anyAuth), built ones as they are', () => {
    const strategies = buildAuthStrategies(SCHEMES, buildPlainCredentials({ key: 'plain-key', token: bearer('built-token') }, [staticStrategies]) as object, undefined);
    expect([...strategies.keys()]).toEqual(['key', 'token']);
  });

  it('without factories (a Core) refuses a plain credential, naming the scheme and what to pass, never the value', () => {
    const attempt = () => buildAuthStrategies(SCHEMES, { key: apiKey('k'), token: 's3cret-token' }, undefined);
    expect(attempt).toThrow(TypeError);
    expect(attempt).toThrow(/^security scheme "token": the credential must be built by a builder or anyAuth\(\)$/);
    expect(() => buildAuthStrategies(SCHEMES, { key: { clientId: 'x' } }, undefined)).toThrow(/security scheme "key": the credential must be built/);
  });

  it('keeps the key checks, built credentials or not', () => {
    expect(() => buildAuthStrategies(SCHEMES, { nope: apiKey('k') }, undefined)).toThrow(/^auth has no security scheme "nope"; its schemes are "key", "token"$/);
    expect(() => buildAuthStrategies(SCHEMES, 'k' as never, undefined)).toThrow(/^auth must be an object$/);
    expect(buildAuthStrategies(SCHEMES, { key: undefined }, undefined).size).toBe(0);
    expect(() => buildAuthStrategies({ odd: { type: 'mutualTLS' } }, buildPlainCredentials({ odd: {} }, [staticStrategies]) as object, undefined)).toThrow(/^security scheme "odd" has a type this runtime cannot apply$/);
  });

  it('a built credential for a scheme of the wrong kind: the maker throws a TypeError naming the scheme', () => {
    expect(() => buildAuthStrategies(SCHEMES, { key: bearer('t') }, undefined)).toThrow(/^security scheme "key": bearer\(\) fits an HTTP bearer, OAuth 2.0 or OpenID Connect scheme only$/);
    expect(() => buildAuthStrategies(SCHEMES, { token: clientCredentials({ clientId: 'a', clientSecret: 'b' }) }, undefined)).toThrow(/^security scheme "token": clientCredentials\(\) fits an OAuth 2.0 or OpenID Connect scheme only$/);
  });
});

describe('built OAuth credentials share the client\'s OAuth state, as plain ones do', () => {
  let server: RawServer;
  beforeAll(async () => {
    server = await startRawServer();
  });
  afterAll(() => server.close());

  async function run(credentials: (origin: string) => object, factories?: readonly StrategyFactory[]) {
    server.reset();
    let issued = 0;
    server.on('/.well-known/openid-configuration', (_request, response) => json(response, 200, { issuer: server.origin, token_endpoint: `${server.origin}/token`, grant_types_supported: ['client_credentials'] }));
    server.on('/token', (_request, response) => json(response, 200, { access_token: `tok-${++issued}`, token_type: 'Bearer', expires_in: 3600 }));
    server.on('/api', (_request, response) => json(response, 200, {}));
    const discovery = { type: 'openIdConnect', url: '/.well-known/openid-configuration' } as const;
    const env = { baseUrl: server.origin };
    const core = testCore({ baseUrl: server.origin, auth: buildAuthStrategies({ first: discovery, second: discovery }, (factories === undefined ? credentials(server.origin) : buildPlainCredentials(credentials(server.origin), factories)) as object, env) });
    for (const scheme of ['first', 'second']) await core.request({ id: 'get', method: 'GET', path: '/api', params: [], security: [[[scheme, []]]] }, {});
    return server.requests.map((r) => `${r.method} ${r.path}`);
  }

  it('two schemes, one built clientCredentials: one discovery request, a token each', async () => {
    const built = clientCredentials({ clientId: 'svc', clientSecret: 'sec' });
    const built2 = await run(() => ({ first: built, second: built }));
    const plain = await run(() => ({ first: { clientId: 'svc', clientSecret: 'sec' }, second: { clientId: 'svc', clientSecret: 'sec' } }), [oauth2Strategies]);
    expect(built2).toEqual(['GET /.well-known/openid-configuration', 'POST /token', 'GET /api', 'POST /token', 'GET /api']);
    expect(built2).toEqual(plain);
  });
});
