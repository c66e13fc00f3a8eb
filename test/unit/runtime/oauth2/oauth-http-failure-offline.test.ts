/**
 * oauth-http-failure.ts (what a token request does once it goes wrong) is loaded with import()
 * when that happens. When it cannot be loaded (a browser gone offline), the call still rejects
 * with a TokenError: the status and a shorter message, never the server's text (there is nothing
 * to redact it with), and a successful token request never needs the module at all.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { TokenError } from '../../../../src/runtime/oauth2/token-error.js';
import { clientCredentialsScheme, listPets, makeClient } from '../../../support/oauth2/client.js';
import { bearerApi, fakeClock, startServer, tokenJson, type TestServer } from '../../../support/oauth2/test-server.js';

vi.mock('../../../../src/runtime/oauth2/oauth-http-failure.js', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  server.on('/api/pets', bearerApi(() => ['tok']));
});

const credentials = { oauth: { clientId: 'app', clientSecret: 'SECRET-client' } };

async function failure(): Promise<TokenError> {
  const { core } = makeClient(server.origin, { oauth: clientCredentialsScheme() }, credentials, fakeClock().env);
  const error = await core.request(listPets(), {}).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TokenError);
  return error as TokenError;
}

describe('a token request whose failure module cannot be loaded', () => {
  it('a successful token request does not need it', async () => {
    server.on('/oauth/token', () => tokenJson('tok'));
    const { core } = makeClient(server.origin, { oauth: clientCredentialsScheme() }, credentials, fakeClock().env);
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'tok' });
    expect(server.to('/api/pets')[0]!.headers.authorization).toBe('Bearer tok');
  });

  it('an OAuth error answer: TokenError with the status, not the server text', async () => {
    server.on('/oauth/token', () => ({ status: 400, json: { error: 'invalid_client', error_description: 'wrong secret SECRET-client' } }));
    const error = await failure();
    expect(error).toMatchObject({ name: 'TokenError', error: 'invalid_response', status: 400, scheme: 'oauth' });
    expect(error.message).toBe('security scheme "oauth": invalid_response (HTTP 400): the token endpoint failed (its details could not be loaded)');
    expect(JSON.stringify(error) + error.message + String(error.stack)).not.toContain('SECRET-client');
    expect(server.to('/oauth/token')).toHaveLength(1);
    expect(server.to('/api/pets')).toHaveLength(0);
  });

  it('a 200 carrying an OAuth error is refused the same way', async () => {
    server.on('/oauth/token', () => ({ status: 200, json: { error: 'bad_verification_code' } }));
    expect(await failure()).toMatchObject({ error: 'invalid_response', status: 200 });
  });

  it('a token type it cannot use: unsupported_token_type, without the server text', async () => {
    server.on('/oauth/token', () => tokenJson('tok', { token_type: 'x-SECRET-client' }));
    const error = await failure();
    expect(error).toMatchObject({ error: 'unsupported_token_type' });
    expect(error.message).toBe('security scheme "oauth": unsupported_token_type');
    expect(server.to('/api/pets')).toHaveLength(0);
  });

  it('a success without access_token: invalid_response, nothing of the server text', async () => {
    server.on('/oauth/token', () => ({ status: 200, json: { token_type: 'Bearer', note: 'SECRET-client' } }));
    const error = await failure();
    expect(error).toMatchObject({ error: 'invalid_response', scheme: 'oauth' });
    expect(error.message).toBe('security scheme "oauth": invalid_response');
    expect(server.to('/api/pets')).toHaveLength(0);
  });

  it('an endpoint neither the spec nor the discovery document names: invalid_response, nothing posted', async () => {
    server.on('/.well-known/openid-configuration', () => ({ json: { issuer: server.origin } }));
    const oidc = { type: 'openIdConnect' as const, url: '/.well-known/openid-configuration' };
    const { core } = makeClient(server.origin, { oidc }, { oidc: credentials.oauth }, fakeClock().env);
    const error = await core.request(listPets(['openid'], 'oidc'), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ name: 'TokenError', error: 'invalid_response', scheme: 'oidc', status: undefined });
    expect((error as TokenError).message).toBe('security scheme "oidc": invalid_response');
    expect(server.to('/api/pets')).toHaveLength(0);
  });

  it('a token endpoint that cannot be reached: network_error', async () => {
    const { core } = makeClient('http://127.0.0.1:9', { oauth: clientCredentialsScheme() }, credentials, fakeClock().env);
    const error = await core.request(listPets(), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ error: 'network_error', status: undefined });
  });
});
