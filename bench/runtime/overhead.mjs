// Per-request cost of the auth layer with credentials at hand (OAuth 2.0 token cached), measured
// two ways, each as "operation with auth − the same work for a public operation":
//   full call  whole calls through the generated client and a fetch stub that answers at once;
//              the difference is everything the client does because the operation is secured.
//   isolated   the steps ClientCore takes (apply each strategy of the alternative it selected once per
//              operation) on a freshly prepared request, against the compiled runtime directly,
//              minus preparing the request.
// Batches of every case are interleaved round by round and the per-round differences' median
// reported, so drift and GC pauses hit every case alike.
import { median } from '../lib/measure.mjs';

/** µs per call of `n` sequential awaited calls. */
async function timeBatch(call, n) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await call();
  return Number(process.hrtime.bigint() - start) / n / 1000;
}

/**
 * cases: [{ name, full: () => Promise, isolated: () => Promise, client? }], the first case of each
 * `client` (one generated client; default 0) being its public baseline. Resolves [{ name, client,
 * fullUs, isolatedUs, overheadUs, isolatedOverheadUs }] (µs/request, medians over `rounds` batches
 * of `batch` calls; the overheads are 0 for a baseline). Every client's batches share the rounds,
 * so two clients compared are measured under the same load.
 */
export async function measureOverhead(cases, { rounds, batch, warmup }) {
  for (const c of cases) {
    await timeBatch(c.full, warmup);
    await timeBatch(c.isolated, warmup);
  }
  const samples = cases.map(() => ({ full: [], isolated: [] }));
  for (let round = 0; round < rounds; round++) {
    // Rotate the order so no case always runs right after a GC-heavy one.
    for (let k = 0; k < cases.length; k++) {
      const i = (round + k) % cases.length;
      samples[i].full.push(await timeBatch(cases[i].full, batch));
      samples[i].isolated.push(await timeBatch(cases[i].isolated, batch));
    }
  }
  const clientOf = (c) => c.client ?? 0;
  const baseOf = (c) => samples[cases.findIndex((other) => clientOf(other) === clientOf(c))];
  const diff = (a, b) => median(a.map((value, round) => value - b[round]));
  return cases.map((c, i) => ({
    name: c.name,
    client: clientOf(c),
    fullUs: median(samples[i].full),
    isolatedUs: median(samples[i].isolated),
    overheadUs: diff(samples[i].full, baseOf(c).full),
    isolatedOverheadUs: diff(samples[i].isolated, baseOf(c).isolated),
  }));
}

/** `µs per call` of one case alone (context figures such as a call that parses a JSON body). */
export async function measureOne(call, { rounds, batch, warmup }) {
  await timeBatch(call, warmup);
  const times = [];
  for (let round = 0; round < rounds; round++) times.push(await timeBatch(call, batch));
  return median(times);
}
