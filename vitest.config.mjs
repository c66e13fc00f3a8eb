import { defineConfig } from 'vitest/config';

// Many tests start real servers and the built CLI as child processes. Their waits are bounded by
// the tests themselves; the runner's own 5 s default only turned a busy machine into failures.
//
// maxWorkers 3 on this 2-core machine: most test files wait on servers and child processes rather
// than compute, and vitest's default (cores − 1 = one worker) left a core idle — the suite took
// 543 s with it and 315 s with three workers (all 1,888 tests passing).
export default defineConfig({
  test: {
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Lazily loaded runtime modules imported directly by a test get their imports (see the file).
    setupFiles: ['test/support/provide-lazy-imports.ts'],
  },
});
