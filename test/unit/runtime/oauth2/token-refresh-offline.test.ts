/**
 * token-refresh.ts (what a renewal does with a refresh token, in the renewal-steps.ts chunk) is
 * loaded with import() the first time stored tokens carry one. When it cannot be loaded (a browser
 * gone offline), the call rejects with a TokenError `network_error` before anything is sent (the
 * refresh token is neither spent nor forgotten); a client whose server issues no refresh token
 * never needs the module.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../src/runtime/api-error.js';
import { TokenError } from '../../../../src/runtime/oauth2/token-error.js';
import { clientCredentialsScheme, listPets, makeClient } from '../../../support/oauth2/client.js';
import { bearerApi, fakeClock, startServer, tokenJson, type TestServer } from '../../../support/oauth2/test-server.js';

vi.mock('../../../../src/runtime/oauth2/token-refresh.js', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

let server: TestServer;
let issued: number;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  issued = 0;
  server.on('/api/pets', bearerApi(() => ['tok-1', 'tok-2']));
});

const credentials = { oauth: { clientId: 'app', clientSecret: 'SECRET-client' } };

describe('a renewal whose refresh code cannot be loaded', () => {
  it('tokens without a refresh token are renewed by the grant: the module is not needed', async () => {
    server.on('/oauth/token', () => tokenJson(`tok-${++issued}`, { expires_in: 60 }));
    const clock = fakeClock();
    const { core } = makeClient(server.origin, { oauth: clientCredentialsScheme() }, credentials, clock.env);
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'tok-1' });
    clock.tick(60_000);
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'tok-2' });
    expect(server.to('/oauth/token').map((r) => r.grantType)).toEqual(['client_credentials', 'client_credentials']);
  });

  it('tokens with a refresh token: TokenError network_error, nothing sent, and the next call tries again', async () => {
    server.on('/oauth/token', () => tokenJson(`tok-${++issued}`, { expires_in: 60, refresh_token: 'r1' }));
    const clock = fakeClock();
    const { core } = makeClient(server.origin, { oauth: clientCredentialsScheme() }, credentials, clock.env);
    await core.request(listPets(), {});
    clock.tick(60_000);
    const error = await core.request(listPets(), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ name: 'TokenError', error: 'network_error', scheme: 'oauth', status: undefined });
    expect((error as TokenError).message).toBe('security scheme "oauth": network_error: the token renewal failed (its details could not be loaded)');
    expect((error as TokenError).cause).toBeInstanceOf(Error);
    expect(server.to('/oauth/token')).toHaveLength(1);
    // Not kept: the next renewal loads again (and fails again while offline).
    await expect(core.request(listPets(), {})).rejects.toMatchObject({ error: 'network_error' });
    expect(server.to('/oauth/token')).toHaveLength(1);
  });
});

describe('a 401 whose renewal code cannot be loaded', () => {
  it('the refresh code shares its chunk with the 401 answer (renewal-steps.ts): the ApiError 401, nothing renewed', async () => {
    server.on('/oauth/token', () => tokenJson(`tok-${++issued}`, { expires_in: 600 }));
    // The API refuses every token.
    server.on('/api/pets', bearerApi(() => []));
    const { core } = makeClient(server.origin, { oauth: clientCredentialsScheme() }, credentials, fakeClock().env);
    const error = await core.request(listPets(), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401 });
    expect(server.to('/oauth/token')).toHaveLength(1);
    expect(server.to('/api/pets')).toHaveLength(1);
  });
});
