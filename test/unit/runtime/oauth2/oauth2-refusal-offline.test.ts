/**
 * oauth2-refusal.ts (renewing a token the API refused) is loaded with import() at the first 401.
 * When it cannot be loaded (a browser gone offline), the 401 is the answer: an ApiError of that
 * status, no renewal attempted; an accepted token never needs the module.
 */
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../src/runtime/api-error.js';
import { clientCredentials, listPets, oauthClient } from './support/oauth-client.js';
import { bearerRoute, useTokenIssuingServer } from './support/raw-server.js';

vi.mock('../../../../src/runtime/oauth2/oauth2-refusal.js', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

const tokens = useTokenIssuingServer();

const credentials = { oauth: { clientId: 'app', clientSecret: 'SECRET-client' } };

describe('a 401 whose renewal module cannot be loaded', () => {
  it('rejects with the ApiError 401, renewing nothing', async () => {
    tokens.server.on('/api/pets', bearerRoute(() => []));
    const { core } = oauthClient(tokens.server.origin, { oauth: clientCredentials() }, credentials);
    const error = await core.request(listPets(), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401 });
    expect(tokens.server.to('/oauth/token')).toHaveLength(1);
    expect(tokens.server.to('/api/pets')).toHaveLength(1);
  });

  it('an accepted token never needs it', async () => {
    tokens.server.on('/api/pets', bearerRoute(() => ['tok-1']));
    const { core } = oauthClient(tokens.server.origin, { oauth: clientCredentials() }, credentials);
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'tok-1' });
  });
});
