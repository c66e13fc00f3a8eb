// A bench's verdict on one issue-14 target, handed to bench/targets.mjs when it runs the bench.
// Each bench prints its own figures; when BENCH_RESULTS names a file, it also appends one JSON line
// per target there, so the summary reads numbers, not the wording of another script's output.
import { appendFileSync } from 'node:fs';

/**
 * @param {{ target: string, keyway: string, peer: string, ratio: number, goal: string, pass: boolean }} result
 *   `ratio` is keyway's figure over the peer's (or over the budget, for an absolute target).
 */
export function recordTarget(result) {
  const file = process.env.BENCH_RESULTS;
  if (file === undefined || file === '') return;
  appendFileSync(file, `${JSON.stringify(result)}\n`);
}
