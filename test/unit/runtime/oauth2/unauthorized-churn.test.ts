/**
 * An API that answers 401 to every token: renewing helps once at most. After a renewed token is
 * refused too, 401s on it are final for a cool-down, and the ApiError says why.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/runtime/api-error.js';
import { RENEWAL_COOL_DOWN_MS } from '../../../../src/runtime/oauth2/oauth2-refusal.js';
import { clientCredentials, listPets, oauthClient } from './support/oauth-client.js';
import { bearerRoute, useTokenIssuingServer } from './support/raw-server.js';

const tokens = useTokenIssuingServer();

const credentials = { oauth: { clientId: 'app', clientSecret: 'SECRET-client' } };

describe('401 churn', () => {
  it('20 calls to an API that refuses every token cost 2 token requests, not 21', async () => {
    tokens.server.on('/api/pets', bearerRoute(() => []));
    let now = 1_000_000;
    const { core } = oauthClient(tokens.server.origin, { oauth: clientCredentials() }, credentials, { now: () => now });
    const errors: unknown[] = [];
    for (let i = 0; i < 20; i++) errors.push(await core.request(listPets(), {}).catch((e: unknown) => e));
    expect(errors.every((error) => error instanceof ApiError && error.status === 401)).toBe(true);
    expect(tokens.server.to('/oauth/token')).toHaveLength(2);
    expect(tokens.server.to('/api/pets')).toHaveLength(21); // the first call retried once with the renewed token
    const later = errors[1] as ApiError;
    expect(later.authNote).toMatch(/^security scheme "oauth": a token renewed after a 401 was refused too; not renewing again for \d+ s$/);
    expect(later.message).toContain('not renewing again');
    // After the cool-down, one more renewal is tried.
    now += RENEWAL_COOL_DOWN_MS;
    await core.request(listPets(), {}).catch(() => undefined);
    expect(tokens.server.to('/oauth/token')).toHaveLength(3);
  });

  it('a revoked token is still renewed and the call succeeds', async () => {
    tokens.server.on('/api/pets', bearerRoute(() => (tokens.issued() >= 2 ? [`tok-${tokens.issued()}`] : [])));
    const { core } = oauthClient(tokens.server.origin, { oauth: clientCredentials() }, credentials);
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'tok-2' });
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'tok-2' });
    expect(tokens.server.to('/oauth/token')).toHaveLength(2);
  });

  it('concurrent calls refused together still share one renewal', async () => {
    tokens.server.on('/api/pets', bearerRoute(() => []));
    const { core } = oauthClient(tokens.server.origin, { oauth: clientCredentials() }, credentials);
    await core.request(listPets(), {}).catch(() => undefined);
    expect(tokens.server.to('/oauth/token')).toHaveLength(2);
    const results = await Promise.all(Array.from({ length: 5 }, () => core.request(listPets(), {}).catch((e: unknown) => e)));
    expect(results.every((error) => error instanceof ApiError && error.authNote !== undefined)).toBe(true);
    expect(tokens.server.to('/oauth/token')).toHaveLength(2);
  });
});
