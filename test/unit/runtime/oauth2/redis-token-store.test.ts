/**
 * RedisTokenStore against a real redis-server, through both clients people use: the official
 * `redis` package and `ioredis`. Asserts what Redis itself holds (read back with the raw client).
 */
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisTokenStore } from '../../../../src/runtime/oauth2/redis-token-store.js';
import type { RedisClientLike } from '../../../../src/runtime/oauth2/redis-client.js';
import { tokenKey } from '../../../support/oauth2/token-key.js';
import { TokenStoreError } from '../../../../src/runtime/oauth2/token-store-error.js';
import type { TokenSet } from '../../../../src/runtime/oauth2/types.js';
import { startRedisServer, type RedisServer } from '../../../support/redis-server.js';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
}, 20_000);
afterAll(() => server?.dispose());

interface Connected {
  client: RedisClientLike;
  /** Raw access for the assertions. */
  keys(pattern: string): Promise<string[]>;
  get(key: string): Promise<string | null>;
  rawSet(key: string, value: string): Promise<void>;
  close(): Promise<void>;
}

const CLIENTS: Record<string, () => Promise<Connected>> = {
  redis: async () => {
    const client = createClient({ url: server.url, disableOfflineQueue: true, socket: { reconnectStrategy: false } });
    client.on('error', () => undefined);
    await client.connect();
    return {
      client,
      keys: (pattern) => client.keys(pattern),
      get: (key) => client.get(key),
      rawSet: async (key, value) => void (await client.set(key, value)),
      close: async () => void client.destroy(),
    };
  },
  ioredis: async () => {
    const client = new Redis(server.port, '127.0.0.1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    await client.connect();
    return {
      client,
      keys: (pattern) => client.keys(pattern),
      get: (key) => client.get(key),
      rawSet: async (key, value) => void (await client.set(key, value)),
      close: async () => void client.disconnect(),
    };
  },
};

const TOKENS: TokenSet = { accessToken: 'at-secret-1', tokenType: 'Bearer', refreshToken: 'rt-secret-1', expiresAt: 2_000_000_000_000 };
const KEY = tokenKey('oauth', 'client-id-7', ['pets:read', 'pets:write']);

describe.each(Object.keys(CLIENTS))('RedisTokenStore over %s', (name) => {
  let redis: Connected;
  let prefix: string;
  beforeAll(async () => {
    redis = await CLIENTS[name]!();
  });
  afterAll(() => redis?.close());
  let run = 0;
  const fresh = () => (prefix = `t${name}${++run}:`);

  it('stores and reads a token set under a hashed key that names no client, scheme or scope', async () => {
    const store = new RedisTokenStore(redis.client, { prefix: fresh() });
    expect(await store.get(KEY)).toBeUndefined();
    await store.set(KEY, TOKENS);
    expect(await store.get(KEY)).toEqual(TOKENS);
    const keys = await redis.keys(`${prefix}*`);
    expect(keys).toEqual([expect.stringMatching(new RegExp(`^${prefix}tokens:[0-9a-f]{64}$`))]);
    expect(keys[0]).not.toMatch(/client-id|pets|oauth/);
  });

  it('with an encryptionKey, Redis holds ciphertext that no other key (or none) can read', async () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const store = new RedisTokenStore(redis.client, { prefix: fresh(), encryptionKey: key });
    await store.set(KEY, TOKENS);
    const [redisKey] = await redis.keys(`${prefix}tokens:*`);
    const raw = (await redis.get(redisKey!))!;
    expect(raw).toMatch(/^keyway-aes256gcm-v1\./);
    for (const secret of ['at-secret-1', 'rt-secret-1', 'Bearer', 'accessToken']) expect(raw).not.toContain(secret);
    expect(await store.get(KEY)).toEqual(TOKENS);

    const withoutKey = new RedisTokenStore(redis.client, { prefix });
    const otherKey = new RedisTokenStore(redis.client, { prefix, encryptionKey: crypto.getRandomValues(new Uint8Array(32)) });
    for (const reader of [withoutKey, otherKey]) {
      const error: unknown = await reader.get(KEY).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TokenStoreError);
      expect(error).toMatchObject({ code: 'corrupt_entry' });
      expect(String((error as Error).message)).not.toContain('secret');
    }
    // Copied under another key: the key is authenticated data, so it does not decrypt there.
    const otherStoreKey = tokenKey('oauth', 'client-id-7', ['pets:read']);
    await store.set(otherStoreKey, { ...TOKENS, accessToken: 'x' });
    const [a, b] = await redis.keys(`${prefix}tokens:*`);
    await redis.rawSet(a!, (await redis.get(b!))!);
    const swapped = await Promise.allSettled([store.get(KEY), store.get(otherStoreKey)]);
    expect(swapped.filter((s) => s.status === 'rejected')).toHaveLength(1);
  });

  it('a corrupt entry is reported as corrupt_entry, not as a token set', async () => {
    const store = new RedisTokenStore(redis.client, { prefix: fresh() });
    await store.set(KEY, TOKENS);
    const [redisKey] = await redis.keys(`${prefix}tokens:*`);
    for (const junk of ['{not json', '{"accessToken":1}', 'null']) {
      await redis.rawSet(redisKey!, junk);
      await expect(store.get(KEY)).rejects.toMatchObject({ name: 'TokenStoreError', code: 'corrupt_entry' });
    }
  });

  it('compare-before-delete: a set written since it was read survives', async () => {
    const store = new RedisTokenStore(redis.client, { prefix: fresh() });
    await store.set(KEY, TOKENS);
    const newer = { ...TOKENS, accessToken: 'at-2', refreshToken: 'rt-2' };
    await store.set(KEY, newer);
    await store.delete(KEY, TOKENS);
    expect(await store.get(KEY)).toEqual(newer);
    await store.delete(KEY, newer);
    expect(await store.get(KEY)).toBeUndefined();
    await store.set(KEY, TOKENS);
    await store.delete(KEY);
    expect(await store.get(KEY)).toBeUndefined();
  });

  it('leases: one owner at a time, released only by the owner, gone after the TTL', async () => {
    const store = new RedisTokenStore(redis.client, { prefix: fresh(), lockTtlMs: 300 });
    const { leases } = store;
    expect(leases.ttlMs).toBe(300);
    expect(await leases.acquire(KEY, 'owner-a', 300)).toBe(true);
    expect(await leases.acquire(KEY, 'owner-b', 300)).toBe(false);
    await leases.release(KEY, 'owner-b');
    expect(await leases.acquire(KEY, 'owner-b', 300)).toBe(false);
    const [lockKey] = await redis.keys(`${prefix}lock:*`);
    expect(await redis.get(lockKey!)).toBe('owner-a');
    expect(await leases.extend!(KEY, 'owner-b', 300)).toBe(false);
    expect(await leases.extend!(KEY, 'owner-a', 300)).toBe(true);
    await leases.release(KEY, 'owner-a');
    expect(await leases.acquire(KEY, 'owner-b', 300)).toBe(true);
    // owner-b "dies": nobody releases, the TTL frees the key.
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(await leases.acquire(KEY, 'owner-c', 300)).toBe(true);
    expect(await leases.extend!(KEY, 'owner-b', 300)).toBe(false);
  });

  it('refuses bad options with a TypeError naming the option', () => {
    expect(() => new RedisTokenStore(redis.client, { lockTtlMs: 0 })).toThrow(/lockTtlMs/);
    expect(() => new RedisTokenStore(redis.client, { waitTimeoutMs: Number.NaN })).toThrow(/waitTimeoutMs/);
    expect(() => new RedisTokenStore(redis.client, { encryptionKey: new Uint8Array(16) })).toThrow(/32 bytes/);
    expect(() => new RedisTokenStore({} as RedisClientLike)).toThrow(/sendCommand|call/);
  });
});

describe('RedisTokenStore when Redis is gone', () => {
  it.each(Object.keys(CLIENTS))('%s: every operation fails fast with store_unavailable and no secret', async (name) => {
    const down = await startRedisServer();
    const previous = server;
    server = down;
    const redis = await CLIENTS[name]!();
    server = previous;
    const store = new RedisTokenStore(redis.client, { prefix: 'gone:', commandTimeoutMs: 500 });
    await down.dispose();
    const started = Date.now();
    const outcomes = await Promise.allSettled([store.get(KEY), store.set(KEY, TOKENS), store.delete(KEY, TOKENS), store.leases.acquire(KEY, 'o', 1000)]);
    expect(Date.now() - started).toBeLessThan(5_000);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      const reason = (outcome as PromiseRejectedResult).reason as TokenStoreError;
      expect(reason).toBeInstanceOf(TokenStoreError);
      expect(reason.code).toBe('store_unavailable');
      expect(reason.message).not.toMatch(/secret/);
    }
    await redis.close();
  }, 20_000);
});
