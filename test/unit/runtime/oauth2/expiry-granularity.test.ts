/**
 * expires_in counts whole seconds, and servers truncate: oidc-provider (like most JWT issuers) sets
 * `exp = floor(now) + lifetime` and answers `expires_in: lifetime`, so the token can die up to a
 * second before `receivedAt + expires_in`. Found end to end (test/e2e/oauth-token-lifetime.test.ts):
 * with a margin of a tenth of the lifetime only, a 2-second token reached the API expired on most
 * renewals (401, then a retry). The margin now adds that second, capped at half the lifetime.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isFresh } from '../../../../src/runtime/oauth2/token-set.js';
import { clientCredentialsScheme, listPets, makeClient } from '../../../support/oauth2/client.js';
import { bearerApi, fakeClock, startServer, tokenJson, type TestServer } from '../../../support/oauth2/test-server.js';

const ISSUED = 1_700_000_000_000;

function token(lifetimeS: number) {
  return { accessToken: 'a', tokenType: 'Bearer', issuedAt: ISSUED, expiresAt: ISSUED + lifetimeS * 1000 };
}

/** The last instant (ms after issue) the token still counts as fresh. */
function lastFreshMs(lifetimeS: number): number {
  let ms = lifetimeS * 1000;
  while (ms > 0 && !isFresh(token(lifetimeS), ISSUED + ms)) ms--;
  return ms;
}

describe('refresh-ahead margin', () => {
  it('keeps a second for expires_in granularity on top of a tenth of the lifetime', () => {
    expect(lastFreshMs(6)).toBe(6000 - 600 - 1000 - 1);
    expect(lastFreshMs(3)).toBe(3000 - 300 - 1000 - 1);
    expect(lastFreshMs(10)).toBe(10_000 - 1000 - 1000 - 1);
  });

  it('never more than half the lifetime: a 2-second token is used for its first second', () => {
    expect(lastFreshMs(2)).toBe(999);
    expect(lastFreshMs(1)).toBe(499);
  });

  it('at most 60 s for long tokens, and 60 s when the issue time is unknown', () => {
    expect(lastFreshMs(3600)).toBe(3_540_000 - 1);
    const unknownIssue = { accessToken: 'a', tokenType: 'Bearer', expiresAt: ISSUED + 3_600_000 };
    expect(isFresh(unknownIssue, ISSUED + 3_540_000 - 1)).toBe(true);
    expect(isFresh(unknownIssue, ISSUED + 3_540_000)).toBe(false);
  });
});

describe('through the client', () => {
  let server: TestServer;
  let issued = 0;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.reset();
    issued = 0;
    server.on('/oauth/token', () => tokenJson(`tok-${++issued}`, { expires_in: 3 }));
    server.on('/api/pets', bearerApi(() => [`tok-${issued}`]));
  });

  it('renews a 3-second token 1.3 s before expires_in runs out', async () => {
    const clock = fakeClock();
    const { core } = makeClient(server.origin, { oauth: clientCredentialsScheme() }, { oauth: { clientId: 'app', clientSecret: 's' } }, clock.env);
    await core.request(listPets(), {});
    clock.tick(1699);
    await core.request(listPets(), {});
    expect(server.to('/oauth/token')).toHaveLength(1);
    clock.tick(1);
    await core.request(listPets(), {});
    expect(server.to('/oauth/token')).toHaveLength(2);
  });
});
