import { inspect } from 'node:util';
import { webcrypto } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SchemeSpec } from '../../../../src/runtime/auth-strategy.js';
import { authorizationFlow } from '../../../../src/runtime/oauth2/authorization-flow.js';
import { TokenError } from '../../../../src/runtime/oauth2/token-error.js';
import { createAuthStrategies } from '../../../support/create-auth-strategies.js';
import { clientCredentialsScheme, listPets, makeClient } from '../../../support/oauth2/client.js';
import { bearerApi, fakeClock, startServer, tokenJson, type Handler, type TestServer } from '../../../support/oauth2/test-server.js';

// Every secret in play is marked so one regex finds any leak.
const CLIENT_SECRET = 'SECRET-client-1';
const PASSWORD = 'SECRET-password-2';
const REFRESH = 'SECRET-refresh-3';
const ACCESS = 'SECRET-access-4';
const LEAK = /SECRET-/;

let server: TestServer;
let privateJwk: JsonWebKey;
beforeAll(async () => {
  server = await startServer();
  const pair = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  privateJwk = await webcrypto.subtle.exportKey('jwk', pair.privateKey);
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  server.on('/oauth/token', () => tokenJson(ACCESS, { expires_in: 3600, refresh_token: REFRESH }));
  server.on('/api/pets', bearerApi(() => [ACCESS]));
});

const show = (value: unknown) => `${inspect(value, { showHidden: true, depth: 10 })}\n${JSON.stringify(value) ?? ''}`;

const allFlows: SchemeSpec = {
  type: 'oauth2',
  flows: {
    clientCredentials: { tokenUrl: '/oauth/token', scopes: [] },
    password: { tokenUrl: '/oauth/token', scopes: [] },
    authorizationCode: { authorizationUrl: '/oauth/authorize', tokenUrl: '/oauth/token', scopes: [] },
  },
};

describe('inspecting strategies and clients shows no secret', () => {
  it('client secret, password, refresh and access tokens, private key', async () => {
    const credentials = {
      cc: { clientId: 'svc', clientSecret: CLIENT_SECRET },
      pw: { clientId: 'cli', clientSecret: CLIENT_SECRET, username: 'ann', password: PASSWORD },
      ac: { clientId: 'spa', clientSecret: CLIENT_SECRET, accessToken: ACCESS, refreshToken: REFRESH },
      jwt: { clientId: 'svc', privateKey: privateJwk },
    };
    const { core, auth } = makeClient(server.origin, { cc: allFlows, pw: allFlows, ac: allFlows, jwt: allFlows }, credentials, fakeClock().env);
    for (const scheme of ['cc', 'pw', 'ac', 'jwt']) await core.request(listPets([], scheme), {});
    const d = privateJwk.d!;
    for (const [name, strategy] of auth) {
      const text = show(strategy);
      expect(text, name).not.toMatch(LEAK);
      expect(text, name).not.toContain(d);
    }
    expect(show(core)).not.toMatch(LEAK);
    expect(show(auth)).not.toMatch(LEAK);
    expect(show(authorizationFlow(core, 'ac'))).not.toMatch(LEAK);
  });
});

describe('no TokenError carries a secret, whatever the path', () => {
  const credentials = { oauth: { clientId: 'svc', clientSecret: CLIENT_SECRET, username: 'ann', password: PASSWORD } };
  const password: SchemeSpec = { type: 'oauth2', flows: { password: { tokenUrl: '/oauth/token', scopes: [] } } };

  const tokenReplies: Array<[string, Handler]> = [
    ['OAuth error', () => ({ status: 400, json: { error: 'invalid_grant', error_description: 'wrong password' } })],
    ['5xx', () => ({ status: 503, body: `oops ${PASSWORD}` })],
    ['non-JSON 2xx', () => ({ body: `access_token=${ACCESS}&refresh_token=${REFRESH}` })],
    ['JSON 2xx without access_token', () => ({ json: { refresh_token: REFRESH, id_token: ACCESS } })],
    ['unsupported token type', () => tokenJson(ACCESS, { token_type: 'mac', refresh_token: REFRESH })],
    ['redirect', () => ({ status: 302, headers: { location: `https://evil.example/?t=${ACCESS}` } })],
  ];

  async function expectClean(error: unknown, path: string) {
    expect(error, path).toBeInstanceOf(TokenError);
    const e = error as TokenError;
    expect(`${e.message}\n${e.stack}\n${show(e)}`, path).not.toMatch(LEAK);
  }

  it.each(tokenReplies)('%s', async (path, reply) => {
    server.on('/oauth/token', reply);
    const { core } = makeClient(server.origin, { oauth: password }, credentials, fakeClock().env);
    await expectClean(await core.request(listPets([]), {}).catch((e: unknown) => e), path);
  });

  it('network error (a real connection refused)', async () => {
    const dead = await startServer();
    await dead.close();
    const { core } = makeClient(server.origin, { oauth: { type: 'oauth2', flows: { password: { tokenUrl: `${dead.origin}/token`, scopes: [] } } } }, credentials, fakeClock().env);
    const error = await core.request(listPets([]), {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ error: 'network_error' });
    await expectClean(error, 'network');
  });

  it('login_required after a rejected refresh token', async () => {
    server.on('/oauth/token', () => ({ status: 400, json: { error: 'invalid_grant' } }));
    const { core } = makeClient(server.origin, { oauth: allFlows }, { oauth: { clientId: 'spa', clientSecret: CLIENT_SECRET, refreshToken: REFRESH } }, fakeClock().env);
    const error = await core.request(listPets([]), {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ error: 'login_required' });
    await expectClean(error, 'login_required');
  });

  it('state mismatch', async () => {
    const { core } = makeClient(server.origin, { oauth: allFlows }, { oauth: { flow: 'authorizationCode', clientId: 'spa', clientSecret: CLIENT_SECRET, redirectUri: 'https://a/cb' } });
    await expectClean(await authorizationFlow(core, 'oauth').exchangeCode({ code: 'SECRET-code', codeVerifier: 'SECRET-verifier', state: 'a', expectedState: 'b' }).catch((e: unknown) => e), 'state');
  });

  it('device flow denial', async () => {
    server.on('/oauth/device', () => ({ json: { device_code: 'SECRET-device', user_code: 'U', verification_uri: 'https://v', interval: 1 } }));
    server.on('/oauth/token', () => ({ status: 400, json: { error: 'access_denied' } }));
    const device: SchemeSpec = { type: 'oauth2', flows: { deviceAuthorization: { deviceAuthorizationUrl: '/oauth/device', tokenUrl: '/oauth/token', scopes: [] } } };
    const { core } = makeClient(server.origin, { oauth: device }, { oauth: { clientId: 'tv', clientSecret: CLIENT_SECRET, onUserCode: () => undefined } }, fakeClock().env);
    await expectClean(await core.request(listPets([]), {}).catch((e: unknown) => e), 'device');
  });

  it('discovery problems', async () => {
    server.on('/.well-known/openid-configuration', () => ({ json: { issuer: 'https://other', token_endpoint: `${server.origin}/oauth/token` } }));
    const oidc = createAuthStrategies({ o: { type: 'openIdConnect', url: '/.well-known/openid-configuration' } }, { o: credentials.oauth }, { baseUrl: server.origin, ...fakeClock().env });
    const request = { method: 'GET', url: new URL(`${server.origin}/x`), headers: new Headers() };
    await expectClean(await Promise.resolve(oidc.get('o')!.apply(request, { scopes: [], operation: 'x' })).catch((e: unknown) => e), 'discovery');
  });
});

describe('configuration errors name no secret', () => {
  it('an unusable private key', async () => {
    const { core } = makeClient(server.origin, { oauth: clientCredentialsScheme() }, { oauth: { clientId: 'svc', privateKey: { kty: 'EC', crv: 'P-256', d: 'SECRET-d' } } }, fakeClock().env);
    const error = (await core.request(listPets([]), {}).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(TypeError);
    expect(`${error.message}${error.stack}${show(error)}`).not.toMatch(LEAK);
  });
});
