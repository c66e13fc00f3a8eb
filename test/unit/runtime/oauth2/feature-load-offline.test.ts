/**
 * A feature's code loaded with import() at the first token request (private_key_jwt signing, the
 * mTLS endpoint check, the JWT bearer grant, DPoP proofs) that cannot be loaded (a browser gone
 * offline): the call rejects with a TokenError naming the scheme and the feature, the import's
 * error as its cause, no secret in it, and nothing is sent.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { TokenError } from '../../../../src/runtime/oauth2/token-error.js';
import { clientCredentialsScheme, listPets, makeClient } from '../../../support/oauth2/client.js';
import { bearerApi, fakeClock, startServer, type TestServer } from '../../../support/oauth2/test-server.js';

const OFFLINE = 'Failed to fetch dynamically imported module';
for (const module of ['client-assertion', 'tls-endpoints', 'jwt-bearer', 'dpop', 'dpop-token-request']) {
  vi.doMock(`../../../../src/runtime/oauth2/${module}.js`, () => {
    throw new TypeError(OFFLINE);
  });
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  server.on('/api/pets', bearerApi(() => ['tok']));
});

const certificateFetch = () => Promise.reject(new Error('never called'));

describe('a feature whose code cannot be loaded', () => {
  it.each([
    ['private_key_jwt', { clientId: 'app', clientAuthMethod: 'private_key_jwt', privateKey: 'SECRET-key-pem' }],
    ['the mTLS endpoints (RFC 8705)', { clientId: 'app', clientSecret: 'SECRET-client', clientAuthMethod: 'tls_client_auth', clientCertificate: { fetch: certificateFetch } }],
    ['the JWT bearer grant', { assertion: 'SECRET-assertion', tokenUrl: '/oauth/token' }],
    ['DPoP', { clientId: 'app', clientSecret: 'SECRET-client', dpop: true }],
  ])('%s: a TokenError naming the scheme and the feature', async (feature, credential) => {
    const { core } = makeClient(server.origin, { oauth: clientCredentialsScheme() }, { oauth: credential }, fakeClock().env);
    const error = (await core.request(listPets(), {}).catch((e: unknown) => e)) as TokenError;
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ scheme: 'oauth', error: 'network_error' });
    expect(error.message).toBe(`security scheme "oauth": network_error: the code of ${feature} could not be loaded`);
    expect(error.cause).toBeInstanceOf(Error);
    expect(JSON.stringify(error) + error.message + String(error.stack)).not.toContain('SECRET');
    expect(server.to('/oauth/token')).toHaveLength(0);
    expect(server.to('/api/pets')).toHaveLength(0);
  });
});
