/**
 * oauth2-refusal.ts (renewing a token the API refused) is loaded with import() at the first 401.
 * When it cannot be loaded (a browser gone offline), the 401 is the answer: an ApiError of that
 * status, no renewal attempted; an accepted token never needs the module.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../src/runtime/api-error.js';
import { clientCredentials, listPets, oauthClient } from './support/oauth-client.js';
import { bearerRoute, json, startRawServer, type RawServer } from './support/raw-server.js';

vi.mock('../../../../src/runtime/oauth2/oauth2-refusal.js', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

let server: RawServer;
let issued = 0;
beforeAll(async () => {
  server = await startRawServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  issued = 0;
  server.on('/oauth/token', (_request, response) => json(response, 200, { access_token: `tok-${++issued}`, token_type: 'Bearer', expires_in: 3600 }));
});

const credentials = { oauth: { clientId: 'app', clientSecret: 'SECRET-client' } };

describe('a 401 whose renewal module cannot be loaded', () => {
  it('rejects with the ApiError 401, renewing nothing', async () => {
    server.on('/api/pets', bearerRoute(() => []));
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, credentials);
    const error = await core.request(listPets(), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401 });
    expect(server.to('/oauth/token')).toHaveLength(1);
    expect(server.to('/api/pets')).toHaveLength(1);
  });

  it('an accepted token never needs it', async () => {
    server.on('/api/pets', bearerRoute(() => ['tok-1']));
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, credentials);
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'tok-1' });
  });
});
