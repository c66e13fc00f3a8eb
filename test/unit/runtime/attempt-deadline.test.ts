import { afterEach, describe, expect, it, vi } from 'vitest';
import { AttemptDeadline, type SignalPool } from '../../../src/runtime/attempt-deadline.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('AttemptDeadline with a SignalPool', () => {
  it('an attempt that ended without abort lends its signal to the next one, at most 8 attempts in all', () => {
    const pool: SignalPool = [];
    const signals: AbortSignal[] = [];
    for (let i = 0; i < 9; i++) {
      const deadline = new AttemptDeadline(60_000, undefined, pool);
      signals.push(deadline.signal);
      deadline.dispose();
    }
    expect(new Set(signals.slice(0, 8)).size).toBe(1);
    expect(signals[8]).not.toBe(signals[0]);
    expect(signals.every((signal) => !signal.aborted)).toBe(true);
  });

  it('attempts in flight at once never share a signal', () => {
    const pool: SignalPool = [];
    const first = new AttemptDeadline(60_000, undefined, pool);
    const second = new AttemptDeadline(60_000, undefined, pool);
    expect(second.signal).not.toBe(first.signal);
    first.dispose();
    first.dispose(); // given back once only
    const third = new AttemptDeadline(60_000, undefined, pool);
    const fourth = new AttemptDeadline(60_000, undefined, pool);
    expect(third.signal).toBe(first.signal);
    expect(fourth.signal).not.toBe(first.signal);
    for (const deadline of [second, third, fourth]) deadline.dispose();
  });

  it('a signal that timed out is never lent again; the next attempt gets a fresh one', () => {
    vi.useFakeTimers();
    const pool: SignalPool = [];
    const slow = new AttemptDeadline(50, undefined, pool);
    vi.advanceTimersByTime(50);
    expect(slow.timedOut).toBe(true);
    expect(slow.signal.aborted).toBe(true);
    expect((slow.signal.reason as DOMException).name).toBe('TimeoutError');
    slow.dispose();
    const next = new AttemptDeadline(50, undefined, pool);
    expect(next.signal).not.toBe(slow.signal);
    expect(next.signal.aborted).toBe(false);
    next.dispose();
  });

  it('the timer of an attempt that is over never aborts the signal it lent to the next one', () => {
    vi.useFakeTimers();
    const pool: SignalPool = [];
    const quick = new AttemptDeadline(50, undefined, pool);
    quick.dispose();
    const next = new AttemptDeadline(1_000, undefined, pool);
    expect(next.signal).toBe(quick.signal);
    vi.advanceTimersByTime(500);
    expect(next.signal.aborted).toBe(false);
    vi.advanceTimersByTime(500);
    expect(next.timedOut).toBe(true);
    next.dispose();
  });

  it("the caller's abort aborts the attempt with its reason; that signal is not lent again, and the caller's listener is removed", () => {
    const pool: SignalPool = [];
    const caller = new AbortController();
    const deadline = new AttemptDeadline(60_000, caller.signal, pool);
    caller.abort(new Error('user gave up'));
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.timedOut).toBe(false);
    expect((deadline.signal.reason as Error).message).toBe('user gave up');
    deadline.dispose();
    expect(new AttemptDeadline(60_000, undefined, pool).signal).not.toBe(deadline.signal);

    const later = new AbortController();
    const done = new AttemptDeadline(60_000, later.signal, pool);
    done.dispose();
    later.abort();
    expect(done.signal.aborted).toBe(false); // the attempt was over: its (reusable) signal is left alone
  });
});
