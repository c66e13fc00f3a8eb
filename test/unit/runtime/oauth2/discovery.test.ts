import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SchemeSpec } from '../../../../src/runtime/auth-strategy.js';
import { authorizationFlow } from '../../../../src/runtime/oauth2/authorization-flow.js';
import { TokenError } from '../../../../src/runtime/oauth2/token-error.js';
import { createAuthStrategies } from '../../../support/create-auth-strategies.js';
import { listPets, makeClient } from '../../../support/oauth2/client.js';
import { bearerApi, fakeClock, startServer, tokenJson, type TestServer } from '../../../support/oauth2/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const OIDC_PATH = '/.well-known/openid-configuration';

function discovery(overrides: Record<string, unknown> = {}) {
  server.on(OIDC_PATH, () => ({
    json: {
      issuer: server.origin,
      token_endpoint: `${server.origin}/op/token`,
      authorization_endpoint: `${server.origin}/op/auth`,
      device_authorization_endpoint: `${server.origin}/op/device`,
      ...overrides,
    },
  }));
}

beforeEach(() => {
  server.reset();
  discovery();
  server.on('/op/token', (_request, n) => tokenJson(`tok-${n}`, { expires_in: 60 }));
  server.on('/api/pets', (request) => bearerApi(() => [request.headers.authorization?.slice(7) ?? ''])(request, 0));
});

const oidc: SchemeSpec = { type: 'openIdConnect', url: OIDC_PATH };
const confidential = { clientId: 'svc', clientSecret: 'svc-secret' };

describe('OpenID Connect discovery', () => {
  it('takes the token endpoint from the discovery document, fetched once per client', async () => {
    const clock = fakeClock();
    const { core } = makeClient(server.origin, { oidc, other: oidc }, { oidc: confidential, other: confidential }, clock.env);
    await Promise.all(Array.from({ length: 100 }, () => core.request(listPets(['openid'], 'oidc'), {})));
    await core.request(listPets(['openid'], 'other'), {});
    clock.tick(60_000);
    await core.request(listPets(['openid'], 'oidc'), {});
    expect(server.to(OIDC_PATH)).toHaveLength(1);
    expect(server.to('/op/token').map((r) => r.grantType)).toEqual(['client_credentials', 'client_credentials', 'client_credentials']);
    expect(server.to('/op/token')[0]!.basic).toEqual({ id: 'svc', secret: 'svc-secret' });
  });

  it("an issuer override reads the issuer's own discovery document (trailing slashes dropped, relative to the baseUrl), set up with the first token request", async () => {
    const tenantDocument = () => ({ json: { issuer: `${server.origin}/tenant`, token_endpoint: `${server.origin}/op/token` } });
    server.on(`/tenant${OIDC_PATH}`, tenantDocument);
    const cc: SchemeSpec = { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/spec/token', scopes: [] } } };
    for (const issuer of [`${server.origin}/tenant//`, 'tenant']) {
      const { core } = makeClient(`${server.origin}/`, { oauth: cc }, { oauth: { ...confidential, issuer } }, fakeClock().env);
      expect(server.to(`/tenant${OIDC_PATH}`)).toHaveLength(0);
      await expect(core.request(listPets([]), {})).resolves.toEqual({ token: 'tok-1' });
      server.reset();
      server.on(`/tenant${OIDC_PATH}`, tenantDocument);
      server.on('/op/token', (_request, n) => tokenJson(`tok-${n}`, { expires_in: 60 }));
      server.on('/api/pets', (request) => bearerApi(() => [request.headers.authorization?.slice(7) ?? ''])(request, 0));
    }
  });

  it('a failed discovery is not cached: the next call tries again', async () => {
    server.on(OIDC_PATH, () => ({ status: 500 }));
    const { core } = makeClient(server.origin, { oidc }, { oidc: confidential }, fakeClock().env);
    await expect(core.request(listPets([], 'oidc'), {})).rejects.toMatchObject({ name: 'TokenError', status: 500 });
    expect(server.to(OIDC_PATH)).toHaveLength(3); // with its two retries
    discovery();
    await expect(core.request(listPets([], 'oidc'), {})).resolves.toEqual({ token: 'tok-1' });
    expect(server.to(OIDC_PATH)).toHaveLength(4);
  });

  it('refuses a document that names another issuer (mix-up defence)', async () => {
    discovery({ issuer: 'https://evil.example' });
    const { core } = makeClient(server.origin, { oidc }, { oidc: confidential }, fakeClock().env);
    const error = await core.request(listPets([], 'oidc'), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect((error as TokenError).errorDescription).toMatch(/different issuer/);
    expect(server.to('/op/token')).toHaveLength(0);
  });

  it('endpoints from discovery must be https too', async () => {
    discovery({ token_endpoint: 'http://evil.example/token' });
    const { core } = makeClient(server.origin, { oidc }, { oidc: confidential }, fakeClock().env);
    await expect(core.request(listPets([], 'oidc'), {})).rejects.toMatchObject({ error: 'invalid_response', errorDescription: 'the metadata token_endpoint is not a usable URL' });
  });

  it('the discovery URL itself must be https (or loopback)', () => {
    expect(() => createAuthStrategies({ oidc: { type: 'openIdConnect', url: 'http://idp.example/.well-known/openid-configuration' } }, { oidc: confidential }, { baseUrl: 'https://api.example' })).toThrow(
      /"oidc": openIdConnectUrl must be an https URL/,
    );
  });

  it('the authorization and device endpoints come from discovery as well', async () => {
    const { core } = makeClient(server.origin, { oidc }, { oidc: { clientId: 'spa', redirectUri: 'https://app/cb' } }, fakeClock().env);
    const { url } = await authorizationFlow(core, 'oidc').authorizationUrl({ scopes: ['openid'] });
    expect(url.startsWith(`${server.origin}/op/auth?`)).toBe(true);

    server.on('/op/device', () => ({ json: { device_code: 'd', user_code: 'U', verification_uri: 'https://v', interval: 1 } }));
    const prompts: string[] = [];
    const device = makeClient(server.origin, { oidc }, { oidc: { clientId: 'tv', onUserCode: (p: { userCode: string }) => void prompts.push(p.userCode) } }, fakeClock().env);
    await device.core.request(listPets([], 'oidc'), {});
    expect(prompts).toEqual(['U']);
    expect(server.to('/op/token').at(-1)!.grantType).toBe('urn:ietf:params:oauth:grant-type:device_code');
  });

  it('a confidential client means client credentials; a public one, authorization code', () => {
    const strategies = createAuthStrategies({ a: oidc, b: oidc }, { a: confidential, b: { clientId: 'spa' } }, { baseUrl: server.origin });
    expect(strategies.get('a')).toMatchObject({ flow: 'clientCredentials' });
    expect(strategies.get('b')).toMatchObject({ flow: 'authorizationCode' });
  });
});

describe('oauth2 with metadataUrl (RFC 8414)', () => {
  const METADATA_PATH = '/.well-known/oauth-authorization-server/tenant';

  it('metadata endpoints override the flow URLs; the issuer must match the well-known URL', async () => {
    server.on(METADATA_PATH, () => ({ json: { issuer: `${server.origin}/tenant`, token_endpoint: `${server.origin}/op/token` } }));
    server.on('/spec/token', () => tokenJson('from-spec'));
    const scheme: SchemeSpec = { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/spec/token', scopes: [] } }, metadataUrl: METADATA_PATH };
    const { core } = makeClient(server.origin, { oauth: scheme }, { oauth: confidential }, fakeClock().env);
    await expect(core.request(listPets([]), {})).resolves.toEqual({ token: 'tok-1' });
    expect(server.to('/spec/token')).toHaveLength(0);

    server.reset();
    server.on(METADATA_PATH, () => ({ json: { issuer: server.origin, token_endpoint: `${server.origin}/op/token` } }));
    const mismatched = makeClient(server.origin, { oauth: scheme }, { oauth: confidential }, fakeClock().env);
    await expect(mismatched.core.request(listPets([]), {})).rejects.toMatchObject({ error: 'invalid_response' });
  });

  it('the flow URLs complete what the metadata leaves out', async () => {
    server.on(METADATA_PATH, () => ({ json: { issuer: `${server.origin}/tenant` } }));
    server.on('/spec/token', () => tokenJson('from-spec'));
    server.on('/api/pets', bearerApi(() => ['from-spec']));
    const scheme: SchemeSpec = { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/spec/token', scopes: [] } }, metadataUrl: METADATA_PATH };
    const { core } = makeClient(server.origin, { oauth: scheme }, { oauth: confidential }, fakeClock().env);
    await expect(core.request(listPets([]), {})).resolves.toEqual({ token: 'from-spec' });
  });
});

describe('a discovery document without a token endpoint', () => {
  it('the call rejects with TokenError invalid_response naming what is missing, nothing posted', async () => {
    discovery({ token_endpoint: undefined });
    const { core } = makeClient(server.origin, { oidc }, { oidc: confidential }, fakeClock().env);
    const error = await core.request(listPets(['openid'], 'oidc'), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ error: 'invalid_response', scheme: 'oidc', message: 'security scheme "oidc": invalid_response: neither the spec nor the server metadata names the token endpoint' });
    expect(server.to('/op/token')).toHaveLength(0);
  });
});
