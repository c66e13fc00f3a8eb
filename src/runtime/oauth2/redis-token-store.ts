/**
 * A TokenStore in Redis, shared by any number of processes, with leases for cross-process single
 * flight: a lease is `SET <lock key> <owner> NX PX <ttl>`, extended and released by scripts that
 * act only while the caller still owns it. Keys are SHA-256 hashes under a prefix, never a secret.
 */
import type { CryptoKey } from '../web-crypto.js';
import { redisCommand, replyText, type RedisClientLike, type RedisCommand } from './redis-client.js';
import { storedTokensMatch } from './memory-token-store.js';
import { decodeTokens, encodeTokens, importEncryptionKey, sha256Hex } from './token-cipher.js';
import type { TokenLeases, TokenSet, TokenStore } from './types.js';

export interface RedisTokenStoreOptions {
  /** Prepended to every Redis key. Default `keyway:`. */
  prefix?: string | undefined;
  /** 32 bytes: token sets are then encrypted at rest (AES-256-GCM). */
  encryptionKey?: Uint8Array | ArrayBuffer | undefined;
  /** How long a renewal lease lives unless its live holder extends it; bounds the wait a dead holder causes. Default 10 000 ms. */
  lockTtlMs?: number | undefined;
  /** How long a caller waits for another process's renewal before failing with `lease_timeout`. Default 30 000 ms. */
  waitTimeoutMs?: number | undefined;
  /** Longest wait for one Redis command before the store counts as failing. Default 2 000 ms. */
  commandTimeoutMs?: number | undefined;
}

// Deletes KEYS[1] only while it holds ARGV[1]: a lease its owner still holds, or the token set read before.
const DELETE_IF_EQUAL = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const EXTEND_IF_OWNER = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

function positiveMs(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new TypeError(`RedisTokenStore: ${name} must be a positive number of milliseconds`);
  return Math.ceil(value);
}

export class RedisTokenStore implements TokenStore {
  readonly leases: TokenLeases;
  readonly #command: RedisCommand;
  readonly #prefix: string;
  readonly #key: Promise<CryptoKey> | undefined;
  readonly #hashed = new Map<string, Promise<string>>();

  constructor(redis: RedisClientLike, options: RedisTokenStoreOptions = {}) {
    this.#command = redisCommand(redis, positiveMs(options.commandTimeoutMs, 2_000, 'commandTimeoutMs'));
    this.#prefix = options.prefix ?? 'keyway:';
    if (typeof this.#prefix !== 'string') throw new TypeError('RedisTokenStore: prefix must be a string');
    this.#key = options.encryptionKey === undefined ? undefined : importEncryptionKey(options.encryptionKey);
    // Reported when first used, not as an unhandled rejection now.
    this.#key?.catch(() => undefined);
    const ttlMs = positiveMs(options.lockTtlMs, 10_000, 'lockTtlMs');
    const waitTimeoutMs = positiveMs(options.waitTimeoutMs, 30_000, 'waitTimeoutMs');
    const command = this.#command;
    const lockKey = (key: string) => this.#redisKey('lock', key);
    this.leases = {
      ttlMs,
      waitTimeoutMs,
      acquire: async (key, owner, ttl) => (await command(['SET', await lockKey(key), owner, 'NX', 'PX', String(Math.ceil(ttl))])) !== null,
      extend: async (key, owner, ttl) => Number(await command(['EVAL', EXTEND_IF_OWNER, '1', await lockKey(key), owner, String(Math.ceil(ttl))])) === 1,
      release: async (key, owner) => void (await command(['EVAL', DELETE_IF_EQUAL, '1', await lockKey(key), owner])),
    };
  }

  async get(key: string): Promise<TokenSet | undefined> {
    const redisKey = await this.#redisKey('tokens', key);
    const text = replyText(await this.#command(['GET', redisKey]));
    return text === undefined ? undefined : decodeTokens(text, await this.#key, redisKey);
  }

  async set(key: string, tokens: TokenSet): Promise<void> {
    const redisKey = await this.#redisKey('tokens', key);
    await this.#command(['SET', redisKey, await encodeTokens(tokens, await this.#key, redisKey)], [2]);
  }

  async delete(key: string, expected?: TokenSet): Promise<void> {
    const redisKey = await this.#redisKey('tokens', key);
    if (expected === undefined) {
      await this.#command(['DEL', redisKey]);
      return;
    }
    const text = replyText(await this.#command(['GET', redisKey]));
    if (text === undefined || !storedTokensMatch(await decodeTokens(text, await this.#key, redisKey), expected)) return;
    // The exact text read: a set written since then (even of equal tokens, re-encrypted) survives.
    await this.#command(['EVAL', DELETE_IF_EQUAL, '1', redisKey, text], [4]);
  }

  #redisKey(kind: 'tokens' | 'lock', key: string): Promise<string> {
    let hashed = this.#hashed.get(key);
    if (hashed === undefined) {
      hashed = sha256Hex(key);
      this.#hashed.set(key, hashed);
    }
    return hashed.then((hash) => `${this.#prefix}${kind}:${hash}`);
  }
}
