import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/runtime/api-error.js';
import { type FetchLike } from '../../../../src/runtime/client-core.js';
import { testCore } from '../../../support/test-core.js';
import { MemoryTokenStore } from '../../../../src/runtime/oauth2/memory-token-store.js';
import type { TokenSet, TokenStore } from '../../../../src/runtime/oauth2/types.js';
import { createAuthStrategies } from '../../../support/create-auth-strategies.js';
import { clientCredentialsScheme, listPets, makeClient } from '../../../support/oauth2/client.js';
import { bearerApi, fakeClock, startServer, tokenJson, type TestServer } from '../../../support/oauth2/test-server.js';
import { tokenKey } from '../../../support/oauth2/token-key.js';

let server: TestServer;
let issued: string[];
let valid: string[];
let expiresIn: number | undefined;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

beforeEach(() => {
  server.reset();
  issued = [];
  valid = [];
  expiresIn = 3600;
  server.on('/oauth/token', () => {
    const token = `tok-${issued.length + 1}`;
    issued.push(token);
    valid.push(token);
    return tokenJson(token, expiresIn === undefined ? {} : { expires_in: expiresIn });
  });
  server.on('/api/pets', bearerApi(() => valid));
});

const credentials = { oauth: { clientId: 'app', clientSecret: 'app-secret' } };
const schemes = { oauth: clientCredentialsScheme() };

describe('token cache', () => {
  it('keys tokens by scheme and sorted scope set; scopes come from the operation', async () => {
    const clock = fakeClock();
    const { core } = makeClient(server.origin, schemes, credentials, clock.env);
    await core.request(listPets(['pets:read']), {});
    await core.request(listPets(['pets:read']), {});
    await core.request(listPets(['pets:write', 'pets:read']), {});
    await core.request(listPets(['pets:read', 'pets:write']), {});
    const tokenRequests = server.to('/oauth/token');
    expect(tokenRequests.map((r) => r.form.get('scope'))).toEqual(['pets:read', 'pets:write pets:read']);
    expect(server.to('/api/pets').map((r) => r.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-2', 'Bearer tok-2']);
  });

  it("the caller's scopes replace the operation's: one token for every operation", async () => {
    const { core } = makeClient(server.origin, schemes, { oauth: { ...credentials.oauth, scopes: ['admin'] } }, fakeClock().env);
    await core.request(listPets(['pets:read']), {});
    await core.request(listPets(['pets:write']), {});
    expect(server.to('/oauth/token').map((r) => r.form.get('scope'))).toEqual(['admin']);
  });

  it('an operation without scopes sends no scope parameter', async () => {
    const { core } = makeClient(server.origin, schemes, credentials, fakeClock().env);
    await core.request(listPets([]), {});
    expect(server.to('/oauth/token')[0]!.form.has('scope')).toBe(false);
  });

  it('renews 60 s ahead of expiry for an hour-long token', async () => {
    const clock = fakeClock();
    const { core } = makeClient(server.origin, schemes, credentials, clock.env);
    await core.request(listPets(), {});
    clock.tick(3_540_000 - 1);
    await core.request(listPets(), {});
    expect(server.to('/oauth/token')).toHaveLength(1);
    clock.tick(1);
    await core.request(listPets(), {});
    expect(server.to('/oauth/token')).toHaveLength(2);
  });

  it('a 6-second token is reused across calls; the margin shrinks to a tenth of its lifetime plus a second', async () => {
    expiresIn = 6;
    const clock = fakeClock();
    const { core } = makeClient(server.origin, schemes, credentials, clock.env);
    await core.request(listPets(), {});
    clock.tick(3000);
    await core.request(listPets(), {});
    clock.tick(1399); // 4.399 s: still more than 0.6 s + 1 s (expires_in granularity) left
    await core.request(listPets(), {});
    expect(server.to('/oauth/token')).toHaveLength(1);
    clock.tick(1); // 4.4 s
    await core.request(listPets(), {});
    expect(server.to('/oauth/token')).toHaveLength(2);
  });

  it('a token without expires_in is kept until the API answers 401', async () => {
    expiresIn = undefined;
    const clock = fakeClock();
    const { core } = makeClient(server.origin, schemes, credentials, clock.env);
    await core.request(listPets(), {});
    clock.tick(365 * 24 * 3600 * 1000);
    await core.request(listPets(), {});
    expect(server.to('/oauth/token')).toHaveLength(1);
    valid = []; // the server revokes tok-1
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'tok-2' });
    expect(server.to('/oauth/token')).toHaveLength(2);
  });
});

describe('single flight', () => {
  // The API answers in-process so that the 1000 calls cost no sockets; tokens come from the server.
  function inProcessApi() {
    const seen: string[] = [];
    const fetch: FetchLike = async (_input, init) => {
      const authorization = new Headers(init?.headers).get('authorization') ?? '';
      seen.push(authorization);
      return Response.json({ token: authorization.slice('Bearer '.length) });
    };
    return { fetch, seen };
  }

  it('1000 concurrent calls without a token make exactly one token request', async () => {
    const api = inProcessApi();
    const auth = createAuthStrategies(schemes, credentials, { baseUrl: server.origin, ...fakeClock().env });
    const core = testCore({ baseUrl: server.origin, auth, fetch: api.fetch });
    const results = await Promise.all(Array.from({ length: 1000 }, () => core.request(listPets(), {})));
    expect(server.to('/oauth/token')).toHaveLength(1);
    expect(new Set(results.map((r) => (r as { token: string }).token))).toEqual(new Set(['tok-1']));
  });

  it('1000 concurrent calls on an expired token make exactly one token request', async () => {
    const api = inProcessApi();
    const clock = fakeClock();
    const auth = createAuthStrategies(schemes, credentials, { baseUrl: server.origin, ...clock.env });
    const core = testCore({ baseUrl: server.origin, auth, fetch: api.fetch });
    await core.request(listPets(), {});
    clock.tick(3600_000);
    await Promise.all(Array.from({ length: 1000 }, () => core.request(listPets(), {})));
    expect(server.to('/oauth/token')).toHaveLength(2);
    expect(api.seen).toHaveLength(1001);
    expect(api.seen.slice(1).every((authorization) => authorization === 'Bearer tok-2')).toBe(true);
  });
});

describe('401 handling', () => {
  it('drops the refused token, gets a new one and retries once', async () => {
    const { core } = makeClient(server.origin, schemes, credentials, fakeClock().env);
    await core.request(listPets(), {});
    valid = valid.filter((token) => token !== 'tok-1');
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'tok-2' });
    expect(server.to('/api/pets').map((r) => r.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-2']);
  });

  it('a second 401 rejects with ApiError: one retry, never a loop', async () => {
    server.on('/api/pets', () => ({ status: 401, json: { message: 'no' } }));
    const { core } = makeClient(server.origin, schemes, credentials, fakeClock().env);
    const error = await core.request(listPets(), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(server.to('/api/pets')).toHaveLength(2);
    expect(server.to('/oauth/token')).toHaveLength(2);
  });

  it('concurrent 401s for one token share one renewal', async () => {
    const { core } = makeClient(server.origin, schemes, credentials, fakeClock().env);
    await core.request(listPets(), {});
    valid = [];
    const refused = Promise.all(Array.from({ length: 50 }, () => core.request(listPets(), {})));
    await expect(refused).resolves.toHaveLength(50);
    expect(server.to('/oauth/token')).toHaveLength(2);
  });

  it('does not drop a token a concurrent renewal already replaced', async () => {
    const { core } = makeClient(server.origin, schemes, credentials, fakeClock().env);
    await core.request(listPets(), {}); // tok-1
    valid = [];
    // Two requests go out with tok-1. The first is refused at once and renews to tok-2; the
    // second is refused only well after tok-2 was stored. It must retry with tok-2, not fetch tok-3.
    let tok2Stored!: () => void;
    const renewed = new Promise<void>((resolve) => (tok2Stored = resolve));
    let refusals = 0;
    server.on('/api/pets', async (request) => {
      const token = request.headers.authorization?.replace('Bearer ', '');
      if (token !== undefined && valid.includes(token)) return { json: { token } };
      if (++refusals === 2) await renewed;
      return { status: 401 };
    });
    const calls = [core.request(listPets(), {}), core.request(listPets(), {})];
    await Promise.race(calls);
    tok2Stored();
    await expect(Promise.all(calls)).resolves.toEqual([{ token: 'tok-2' }, { token: 'tok-2' }]);
    expect(issued).toEqual(['tok-1', 'tok-2']);
  });

  it('calls made while a renewal runs wait for its token instead of sending the refused one', async () => {
    const { core } = makeClient(server.origin, schemes, credentials, fakeClock().env);
    await core.request(listPets(), {}); // tok-1
    valid = [];
    let tokenAsked!: () => void;
    const asked = new Promise<void>((resolve) => (tokenAsked = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    server.on('/oauth/token', async () => {
      tokenAsked();
      await released;
      valid.push('tok-2');
      return tokenJson('tok-2', { expires_in: 3600 });
    });
    const first = core.request(listPets(), {}); // refused, starts the renewal
    await asked;
    const second = core.request(listPets(), {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await expect(Promise.all([first, second])).resolves.toEqual([{ token: 'tok-2' }, { token: 'tok-2' }]);
    expect(server.to('/api/pets').map((r) => r.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-2', 'Bearer tok-2']);
  });

  it('a 401 for a token another process already replaced in the shared store just retries', async () => {
    const store = new MemoryTokenStore();
    const { core } = makeClient(server.origin, schemes, credentials, { ...fakeClock().env, tokenStore: store });
    await core.request(listPets(), {}); // tok-1 stored under the key for ["pets:read"]
    const [key] = await storedKeys(store, ['pets:read']);
    server.on('/api/pets', async (request) => {
      if (request.headers.authorization === 'Bearer tok-1') {
        await store.set(key!, { accessToken: 'other-process', tokenType: 'Bearer' });
        return { status: 401 };
      }
      return { json: { token: request.headers.authorization } };
    });
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'Bearer other-process' });
    expect(server.to('/oauth/token')).toHaveLength(1);
  });
});

async function storedKeys(store: TokenStore, scopes: string[]): Promise<string[]> {
  const key = tokenKey('oauth', 'app', scopes);
  expect(await store.get(key)).toBeDefined();
  return [key];
}

describe('token store and onTokens', () => {
  it('uses the given store for get/set and reports every new TokenSet', async () => {
    const log: string[] = [];
    const backing = new Map<string, TokenSet>();
    const store: TokenStore = {
      get: async (key) => (log.push(`get ${key}`), backing.get(key)),
      set: async (key, tokens) => void (log.push(`set ${key} ${tokens.accessToken}`), backing.set(key, tokens)),
      delete: async (key) => void (log.push(`delete ${key}`), backing.delete(key)),
    };
    const events: Array<{ scheme: string; tokens: TokenSet }> = [];
    const clock = fakeClock();
    const { core } = makeClient(server.origin, schemes, credentials, { ...clock.env, tokenStore: store, onTokens: (e) => void events.push(e) });
    await core.request(listPets(), {});
    clock.tick(3600_000);
    await core.request(listPets(), {});
    expect(log).toContain('set ["oauth","app","pets:read"] tok-1');
    expect(log).toContain('set ["oauth","app","pets:read"] tok-2');
    expect(log.filter((line) => line.startsWith('get'))).not.toHaveLength(0);
    expect(events.map((e) => [e.scheme, e.tokens.accessToken, e.tokens.expiresAt])).toEqual([
      ['oauth', 'tok-1', clock.now - 3600_000 + 3600_000],
      ['oauth', 'tok-2', clock.now + 3600_000],
    ]);
  });

  it('two clients sharing a store share tokens', async () => {
    const store = new MemoryTokenStore();
    const env = { ...fakeClock().env, tokenStore: store };
    const first = makeClient(server.origin, schemes, credentials, env);
    const second = makeClient(server.origin, schemes, credentials, env);
    await first.core.request(listPets(), {});
    await expect(second.core.request(listPets(), {})).resolves.toEqual({ token: 'tok-1' });
    expect(server.to('/oauth/token')).toHaveLength(1);
  });

  it('the default store is per client', async () => {
    const env = fakeClock().env;
    await makeClient(server.origin, schemes, credentials, env).core.request(listPets(), {});
    await makeClient(server.origin, schemes, credentials, env).core.request(listPets(), {});
    expect(server.to('/oauth/token')).toHaveLength(2);
  });
});
