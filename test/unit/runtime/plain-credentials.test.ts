/**
 * buildPlainCredentials (the generated anyAuth, and the client class before the Core): plain
 * credentials become built ones made by the factories; built ones pass through; own properties
 * only, each read once; anything but an object is left for the Core to refuse.
 */
import { describe, expect, it } from 'vitest';
import { apiKey } from '../../../src/runtime/api-key.js';
import type { AuthRequest, SchemeSpec } from '../../../src/runtime/auth-strategy.js';
import { strategyMaker } from '../../../src/runtime/credential.js';
import { buildPlainCredentials } from '../../../src/runtime/plain-credentials.js';
import { staticStrategies } from '../../../src/runtime/static-strategies.js';
import { buildAuthStrategies } from '../../../src/runtime/strategy-factory.js';

// A scheme may be named `__proto__`: an own key here, as the generated securitySchemes literal has it.
const SCHEMES: Record<string, SchemeSpec> = Object.defineProperty({ key: { type: 'apiKey', in: 'header', name: 'X-Key' } }, '__proto__', { value: { type: 'http', scheme: 'bearer' }, enumerable: true });

async function headers(auth: unknown): Promise<Record<string, string>> {
  const strategies = buildAuthStrategies(SCHEMES, auth as object, undefined);
  const request: AuthRequest = { method: 'GET', url: new URL('https://api.test/'), headers: new Headers() };
  for (const strategy of strategies.values()) await strategy.apply(request, { scopes: [], operation: 'op' });
  return Object.fromEntries(request.headers);
}

describe('buildPlainCredentials', () => {
  it('builds plain credentials with the factories, so a Core (no factories) takes them', async () => {
    const built = buildPlainCredentials({ key: 'plain-key' }, [staticStrategies]) as Record<string, unknown>;
    expect(strategyMaker(built.key)).toBeTypeOf('function');
    expect(await headers(built)).toEqual({ 'x-key': 'plain-key' });
  });

  it('keeps built credentials as they are, and undefined values', () => {
    const key = apiKey('k');
    const built = buildPlainCredentials({ key, other: undefined }, [staticStrategies]) as Record<string, unknown>;
    expect(built.key).toBe(key);
    expect(Object.hasOwn(built, 'other')).toBe(true);
    expect(built.other).toBeUndefined();
  });

  it('reads own properties only, a getter once; a scheme named __proto__ stays a key', async () => {
    let reads = 0;
    const auth = Object.create({ inherited: 'x' }, { key: { get: () => (reads++, 'from-getter'), enumerable: true } });
    Object.defineProperty(auth, '__proto__', { value: 'proto-token', enumerable: true });
    const built = buildPlainCredentials(auth, [staticStrategies]) as object;
    expect(reads).toBe(1);
    expect(Object.keys(built)).toEqual(['key', '__proto__']);
    expect(await headers(built)).toEqual({ 'x-key': 'from-getter', authorization: 'Bearer proto-token' });
    expect(reads).toBe(1);
  });

  it('leaves anything but an object to the Core, which refuses it with today\'s message', async () => {
    for (const value of [undefined, null, 'k', 3]) expect(buildPlainCredentials(value, [staticStrategies])).toBe(value);
    await expect(headers(buildPlainCredentials('k', [staticStrategies]))).rejects.toThrow(/^auth must be an object$/);
  });

  it('an unknown scheme is still refused by name, and a wrong credential with the factory\'s message', async () => {
    await expect(headers(buildPlainCredentials({ nope: 'x' }, [staticStrategies]))).rejects.toThrow(/^auth has no security scheme "nope"/);
    await expect(headers(buildPlainCredentials({ key: '' }, [staticStrategies]))).rejects.toThrow(/^the credential for security scheme "key" must be a non-empty string or a function returning one$/);
  });
});
