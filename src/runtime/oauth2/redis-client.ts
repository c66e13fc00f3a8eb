/**
 * The few Redis commands the token store sends, over either client people use, taken structurally
 * so generated code keeps zero dependencies: the official `redis` package (v4+) sends a raw command
 * with `sendCommand([name, ...args])`, `ioredis` (v5+) with `call(name, ...args)`.
 */
import { storeErrorText, TokenStoreError } from './token-store-error.js';

/** A connected client of the `redis` npm package (v4 or later). */
export interface NodeRedisClientLike {
  sendCommand(args: string[]): Promise<unknown>;
}

/** A connected `ioredis` client (v5 or later). */
export interface IoRedisClientLike {
  call(command: string, ...args: string[]): Promise<unknown>;
}

export type RedisClientLike = NodeRedisClientLike | IoRedisClientLike;

/** Sends one command; `secretArgs` are positions whose values must never appear in an error. */
export type RedisCommand = (args: readonly string[], secretArgs?: readonly number[]) => Promise<unknown>;

function hasMethod(value: object, name: string): boolean {
  return typeof Reflect.get(value, name) === 'function';
}

function settleWithin<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TokenStoreError('store_unavailable', `redis ${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function failure(error: unknown, args: readonly string[], secretArgs: readonly number[]): TokenStoreError {
  if (error instanceof TokenStoreError) return error;
  let text = error instanceof Error ? error.message : String(error);
  // Clients quote commands in errors (ioredis, node-redis on some replies): cut out token values.
  for (const index of secretArgs) {
    const value = args[index];
    if (value !== undefined && value !== '') text = text.split(value).join('[redacted]');
  }
  return new TokenStoreError('store_unavailable', `redis ${args[0]} failed: ${storeErrorText(text)}`);
}

/**
 * The client's command function. Every command is bounded by `timeoutMs`: a client that queues
 * commands while disconnected would otherwise hold up the API call.
 */
export function redisCommand(client: RedisClientLike, timeoutMs: number): RedisCommand {
  if (typeof client !== 'object' || client === null) throw new TypeError('RedisTokenStore needs a connected redis or ioredis client');
  let send: (args: readonly string[]) => Promise<unknown>;
  if (hasMethod(client, 'call')) {
    const io = client as IoRedisClientLike;
    send = ([name, ...rest]) => io.call(name!, ...rest);
  } else if (hasMethod(client, 'sendCommand')) {
    const node = client as NodeRedisClientLike;
    send = (args) => node.sendCommand([...args]);
  } else {
    throw new TypeError('RedisTokenStore needs a client of the `redis` package (sendCommand) or of `ioredis` (call)');
  }
  return async (args, secretArgs = []) => {
    try {
      return await settleWithin(Promise.resolve().then(() => send(args)), timeoutMs, args[0] ?? 'command');
    } catch (error) {
      throw failure(error, args, secretArgs);
    }
  };
}

/** A reply as text: RESP3 clients may hand back bytes. */
export function replyText(reply: unknown): string | undefined {
  if (reply === null || reply === undefined) return undefined;
  if (typeof reply === 'string') return reply;
  if (reply instanceof Uint8Array) return new TextDecoder().decode(reply);
  return String(reply);
}
