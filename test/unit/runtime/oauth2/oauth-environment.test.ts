/**
 * The OAuth settings a client's schemes share (oauth-environment.ts): its default clock is the
 * global Date.now as it is when read, so an application's tests that install fake timers after
 * making the client (vi.useFakeTimers, sinon) move token lifetimes too.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOAuthShared } from '../../../../src/runtime/oauth2/oauth-environment.js';

afterEach(() => void vi.useRealTimers());

describe('createOAuthShared', () => {
  it('reads Date.now on every call: fake timers installed after the client count', () => {
    const shared = createOAuthShared({});
    vi.useFakeTimers({ now: 1_000, toFake: ['Date'] });
    expect(shared.now()).toBe(1_000);
    vi.setSystemTime(5_000);
    expect(shared.now()).toBe(5_000);
  });

  it('uses the clock it is given', () => {
    expect(createOAuthShared({ now: () => 42 }).now()).toBe(42);
  });
});
