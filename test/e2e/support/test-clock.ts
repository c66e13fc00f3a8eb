/**
 * A clock for the generated client's `clock` option: real time plus an offset the test moves
 * forward, so "the token has expired" is reached without waiting. The servers keep real time, so a
 * token the client thinks expired is still valid there: this proves the client's decisions, not
 * the API's verdict (the real-wait tests do that).
 */
export interface TestClock {
  now: () => number;
  advance(ms: number): void;
}

export function shiftedClock(): TestClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance(ms) {
      offset += ms;
    },
  };
}
