/**
 * The per-request work of the client, counted rather than timed: a regression that makes every
 * call build an AbortSignal, register abort listeners, read the token store, rebuild a store key
 * or record secrets shows up here as a count, on any machine however loaded. (bench/runtime.mjs
 * measures the time; this guards the operations that made it grow.)
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SchemeSpec } from '../../../src/runtime/auth-strategy.js';
import { type FetchLike } from '../../../src/runtime/client-core.js';
import { testCore, type TestCore } from '../../support/test-core.js';
import { MemoryTokenStore } from '../../../src/runtime/oauth2/memory-token-store.js';
import type { TokenSet, TokenStore } from '../../../src/runtime/oauth2/types.js';
import type { OperationSpec } from '../../../src/runtime/operation.js';
import { createAuthStrategies } from '../../support/create-auth-strategies.js';
import { startServer, tokenJson, type TestServer } from '../../support/oauth2/test-server.js';

const API = 'https://api.test';
const CALLS = 64;

const op = (id: string, security: OperationSpec['security']): OperationSpec => ({ id, method: 'GET', path: '/ping', params: [], security });
const publicOp = op('pingPublic', []);
const oauthOp = op('pingOAuth', [[['oauth', ['pets:read']]]]);
const bearerOp = op('pingBearer', [[['bearer', []]]]);

/** Counts store calls; the tokens live in a MemoryTokenStore. */
class CountingStore implements TokenStore {
  readonly inner = new MemoryTokenStore();
  readonly leases = this.inner.leases;
  gets = 0;
  sets = 0;
  get(key: string): Promise<TokenSet | undefined> {
    this.gets += 1;
    return this.inner.get(key);
  }
  set(key: string, tokens: TokenSet): Promise<void> {
    this.sets += 1;
    return this.inner.set(key, tokens);
  }
  delete(key: string, expected?: TokenSet): Promise<void> {
    return this.inner.delete(key, expected);
  }
}

interface Counts {
  abortControllers: number;
  combinedSignals: number;
  timers: number;
  abortListeners: number;
  headers: number;
  urls: number;
  jsonStringify: number;
  secretsRecorded: number;
}

/** Runs `work` with the globals the hot path could use replaced by counting ones. */
async function counting(work: () => Promise<void>): Promise<Counts> {
  const counts: Counts = { abortControllers: 0, combinedSignals: 0, timers: 0, abortListeners: 0, headers: 0, urls: 0, jsonStringify: 0, secretsRecorded: 0 };
  const RealAbortController = globalThis.AbortController;
  const RealHeaders = globalThis.Headers;
  const RealURL = globalThis.URL;
  vi.stubGlobal('AbortController', class extends RealAbortController {
    constructor() {
      super();
      counts.abortControllers += 1;
    }
  });
  vi.stubGlobal('Headers', class extends RealHeaders {
    constructor(init?: HeadersInit) {
      super(init);
      counts.headers += 1;
    }
  });
  vi.stubGlobal('URL', class extends RealURL {
    constructor(url: string | URL, base?: string | URL) {
      super(url, base);
      counts.urls += 1;
    }
  });
  const spies = [
    vi.spyOn(AbortSignal, 'any'),
    vi.spyOn(AbortSignal, 'timeout'),
    vi.spyOn(globalThis, 'setTimeout'),
    vi.spyOn(EventTarget.prototype, 'addEventListener'),
    vi.spyOn(JSON, 'stringify'),
    // requestTokens files the tokens it obtained among the scheme's secrets with one unshift, the access token first.
    vi.spyOn(Array.prototype, 'unshift'),
  ];
  try {
    await work();
  } finally {
    const [any, timeout, timers, listeners, stringify, remember] = spies;
    counts.combinedSignals = any!.mock.calls.length + timeout!.mock.calls.length;
    counts.timers = timers!.mock.calls.length;
    counts.abortListeners = listeners!.mock.calls.filter(([type]) => type === 'abort').length;
    counts.jsonStringify = stringify!.mock.calls.length;
    counts.secretsRecorded = remember!.mock.calls.filter(([first]) => first === 'tok-1').length;
    for (const spy of spies) spy.mockRestore();
    vi.unstubAllGlobals();
  }
  return counts;
}

let tokenServer: TestServer;
beforeAll(async () => {
  tokenServer = await startServer();
  tokenServer.on('/oauth/token', () => tokenJson('tok-1', { expires_in: 3600 }));
});
afterAll(() => tokenServer.close());
afterEach(() => vi.restoreAllMocks());

/** A client whose token requests go to the real token server and whose API answers at once. */
function client() {
  const sent: Array<string | null> = [];
  const noContent = new Response(null, { status: 204 });
  const fetch: FetchLike = (input, init) => {
    const url = String(input);
    if (!url.startsWith(`${API}/`)) return globalThis.fetch(input, init);
    sent.push(new Headers(init?.headers).get('authorization'));
    return Promise.resolve(noContent);
  };
  const store = new CountingStore();
  const schemes: Record<string, SchemeSpec> = {
    oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: `${tokenServer.origin}/oauth/token`, scopes: ['pets:read'] } } },
    bearer: { type: 'http', scheme: 'bearer' },
  };
  const auth = createAuthStrategies(schemes, { oauth: { clientId: 'app', clientSecret: 'app-secret' }, bearer: 'static-token' }, { baseUrl: API, fetch, tokenStore: store });
  return { core: testCore({ baseUrl: API, fetch, auth }), store, sent };
}

async function calls(core: TestCore, operation: OperationSpec): Promise<void> {
  for (let i = 0; i < CALLS; i++) await core.request(operation, {});
}

describe(`${CALLS} sequential calls, counted`, () => {
  it('with a cached OAuth 2.0 token: no store reads, no key rebuilt, no secret recorded, no abort listener, signals reused', async () => {
    const { core, store, sent } = client();
    // obtains tok-1 from the token server, and records it among the scheme's secrets (the spy can see it)
    const first = await counting(async () => void (await core.request(oauthOp, {})));
    expect(tokenServer.to('/oauth/token')).toHaveLength(1);
    expect(first.secretsRecorded).toBe(1);
    const before = { gets: store.gets, sets: store.sets };
    sent.length = 0;

    const counts = await counting(() => calls(core, oauthOp));

    expect(sent).toEqual(Array(CALLS).fill('Bearer tok-1'));
    expect(tokenServer.to('/oauth/token')).toHaveLength(1);
    expect({ gets: store.gets - before.gets, sets: store.sets - before.sets }).toEqual({ gets: 0, sets: 0 });
    expect(counts).toMatchObject({ combinedSignals: 0, abortListeners: 0, jsonStringify: 0, secretsRecorded: 0 });
    expectPerCallBudget(counts);
  });

  it.each([
    ['a public operation', publicOp, null],
    ['a static bearer token', bearerOp, 'Bearer static-token'],
  ])('%s: the same budget', async (_name, operation, authorization) => {
    const { core, sent } = client();
    await core.request(operation, {});
    sent.length = 0;
    const counts = await counting(() => calls(core, operation));
    expect(sent).toEqual(Array(CALLS).fill(authorization));
    expect(counts).toMatchObject({ combinedSignals: 0, abortListeners: 0, jsonStringify: 0, secretsRecorded: 0 });
    expectPerCallBudget(counts);
  });
});

/**
 * At most one timer (the attempt's deadline), one Headers and one URL per call; AbortControllers
 * are lent from a pool, so far fewer than one per call. The fetch stub's own `new Headers` is
 * counted too, hence two Headers per call.
 */
function expectPerCallBudget(counts: Counts): void {
  expect(counts.abortControllers).toBeLessThanOrEqual(CALLS / 4);
  expect(counts.timers).toBeLessThanOrEqual(CALLS);
  expect(counts.headers).toBeLessThanOrEqual(2 * CALLS);
  expect(counts.urls).toBeLessThanOrEqual(CALLS);
}
