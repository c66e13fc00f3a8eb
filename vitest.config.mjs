import { defineConfig } from 'vitest/config';

// Many tests start real servers and the built CLI as child processes. Their waits are bounded by
// the tests themselves; the runner's own 5 s default only turned a busy machine into failures.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
