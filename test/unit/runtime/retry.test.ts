import { describe, expect, it } from 'vitest';
import { checkedRetry } from '../../../src/runtime/retry.js';
import { retryPolicy } from '../../../src/runtime/retry-policy.js';
import { mayRetry } from '../../../src/runtime/setbacks.js';
import { retryAfterMs, retryDelayMs } from '../../../src/runtime/retry-wait.js';
import { idempotencyKeyFor } from '../../../src/runtime/idempotency-key.js';

const NOW = Date.parse('2026-12-01T10:00:00Z');

describe('retryAfterMs', () => {
  it.each([
    ['delay-seconds', '1', 1000],
    ['zero', '0', 0],
    ['padded', ' 3 ', 3000],
    ['an HTTP date 5 s ahead', 'Tue, 01 Dec 2026 10:00:05 GMT', 5000],
    ['an HTTP date in the past', 'Tue, 01 Dec 2026 09:59:00 GMT', 0],
    ['negative seconds (not delay-seconds)', '-1', undefined],
    ['garbage', 'soon', undefined],
    ['absent', null, undefined],
  ])('%s', (_label, header, want) => {
    expect(retryAfterMs(header, NOW)).toBe(want);
  });
});

describe('retryDelayMs', () => {
  const policy = retryPolicy(undefined);
  const withRetryAfter = (value: string) => new Response(null, { status: 503, headers: { 'retry-after': value } });

  it('doubles from 500 ms up to 8 s, minus up to a quarter of jitter', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(policy, n, undefined, NOW, () => 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(retryDelayMs(policy, 1, undefined, NOW, () => 0.999)).toBeCloseTo(375.1, 1);
  });

  it('honours Retry-After over backoff, capped at maxRetryAfterMs', () => {
    expect(retryDelayMs(policy, 1, withRetryAfter('2'), NOW, () => 0.5)).toBe(2000);
    expect(retryDelayMs(policy, 1, withRetryAfter('3600'), NOW)).toBe(60_000);
    expect(retryDelayMs(retryPolicy({ backoff: { maxRetryAfterMs: 1500 } }), 1, withRetryAfter('2'), NOW)).toBe(1500);
  });
});

describe('retryPolicy', () => {
  it('defaults: 2 retries of 408, 429, 500, 502, 503, 504', () => {
    const policy = retryPolicy(undefined);
    expect(policy.maxRetries).toBe(2);
    expect([...policy.statuses]).toEqual([408, 429, 500, 502, 503, 504]);
  });

  it('the call\'s options lie over the client\'s; false on either turns retries off', () => {
    const client = { maxRetries: 5, backoff: { initialDelayMs: 10 } };
    expect(retryPolicy(client, { backoff: { maxDelayMs: 20 } })).toMatchObject({ maxRetries: 5, initialDelayMs: 10, maxDelayMs: 20, maxRetryAfterMs: 60_000 });
    expect(retryPolicy(client, { statuses: [503], maxRetries: 1 })).toMatchObject({ maxRetries: 1, statuses: [503], initialDelayMs: 10 });
    expect(retryPolicy(client, false).maxRetries).toBe(0);
    expect(retryPolicy(false, { maxRetries: 3 }).maxRetries).toBe(0);
  });

  it('reads no name outside the policy from backoff', () => {
    expect(retryPolicy({ maxRetries: 1, backoff: { maxRetries: 9, statuses: [1] } as never })).toMatchObject({ maxRetries: 1, statuses: [408, 429, 500, 502, 503, 504] });
  });
});

describe('checkedRetry', () => {
  it('keeps its own copy: options changed later are neither the ones checked nor the ones used', () => {
    const options = { statuses: [503], backoff: { initialDelayMs: 10 } };
    const checked = checkedRetry(options);
    options.statuses.push(700);
    options.backoff.initialDelayMs = -1;
    expect(checked).toEqual({ maxRetries: undefined, statuses: [503], backoff: { initialDelayMs: 10 } });
  });

  it('passes false and undefined through', () => {
    expect(checkedRetry(false)).toBe(false);
    expect(checkedRetry(undefined)).toBeUndefined();
  });

  it.each([
    [{ maxRetries: -1 }, 'retry.maxRetries must be a whole number ≥ 0'],
    [{ maxRetries: 1.5 }, 'retry.maxRetries must be a whole number ≥ 0'],
    [{ statuses: [700] }, 'retry.statuses must be a list of HTTP status codes'],
    [{ statuses: '503' }, 'retry.statuses must be a list of HTTP status codes'],
    [{ backoff: { initialDelayMs: Number.NaN } }, 'retry.backoff.initialDelayMs must be a number ≥ 0'],
    [{ backoff: { maxRetryAfterMs: '1s' } }, 'retry.backoff.maxRetryAfterMs must be a number ≥ 0'],
    [{ backoff: { jitterMs: 'some' } }, 'retry.backoff.jitterMs must be a number ≥ 0'],
  ])('rejects %o', (options, message) => {
    expect(() => checkedRetry(options as never)).toThrow(new TypeError(message));
  });
});

describe('mayRetry', () => {
  it.each([
    ['GET', false, true],
    ['HEAD', false, true],
    ['OPTIONS', false, true],
    ['PUT', false, true],
    ['DELETE', false, true],
    ['POST', false, false],
    ['PATCH', false, false],
    ['POST', true, true],
    ['PATCH', true, true],
    ['TRACE', true, false],
  ])('%s with idempotency key %s: %s', (method, keyed, want) => {
    expect(mayRetry(method, keyed)).toBe(want);
  });
});

describe('idempotencyKeyFor', () => {
  it('true makes a v4 UUID, a string is kept, false and undefined send none', () => {
    expect(idempotencyKeyFor(true)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(idempotencyKeyFor('order-1')).toBe('order-1');
    expect(idempotencyKeyFor(false)).toBeUndefined();
    expect(idempotencyKeyFor(undefined)).toBeUndefined();
    expect(() => idempotencyKeyFor('a\r\nb')).toThrow('idempotencyKey must be true or a non-empty single-line string');
  });
});
