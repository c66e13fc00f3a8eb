// Prints the tables and the target lines; returns whether every target passed.
import { median } from '../lib/measure.mjs';

const fmt = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const row = (cells) => cells.map((cell, i) => String(cell).padEnd(i === 0 ? 22 : 15)).join('').trimEnd();
const target = (goal, got, pass) => console.log(`${`target: ${goal}`.padEnd(58)}got ${got.padEnd(34)}${pass ? 'PASS' : 'FAIL'}`);

export function report({ overhead, petCallUs, baselinePetCallUs, tokenRequestsWhileTiming, stampede, concurrency, targetUs }) {
  const mine = overhead.filter((r) => r.client === 0);
  const baseline = overhead.filter((r) => r.client === 1);
  console.log('');
  console.log('auth overhead per request, µs (medians; overhead = case − public, paired per round)');
  console.log(row(['case', 'full call', 'overhead', 'isolated', 'isol. overhead', 'overhead/target']));
  for (const [i, r] of mine.entries()) {
    if (i === 0) console.log(row([r.name, fmt(r.fullUs), '—', fmt(r.isolatedUs), '—']));
    else console.log(row([r.name, fmt(r.fullUs), fmt(r.overheadUs), fmt(r.isolatedUs), fmt(r.isolatedOverheadUs), `${fmt(r.overheadUs / targetUs)} (of ${targetUs} µs)`]));
  }
  console.log(row(['getPet, 200 JSON body', fmt(petCallUs), '', '', '', '(oauth2; the stub builds a Response per call)']));
  if (baseline.length > 0) {
    console.log('');
    console.log('against the baseline client (BASELINE_REPO), same rounds: full call and overhead, µs, baseline → this checkout');
    console.log(row(['case', 'baseline full', 'full', 'baseline ovh.', 'overhead', 'full call ×']));
    for (const [i, r] of mine.entries()) {
      const b = baseline[i];
      const ratio = `${fmt(b.fullUs / r.fullUs, 1)}× faster`;
      if (i === 0) console.log(row([r.name, fmt(b.fullUs), fmt(r.fullUs), '—', '—', ratio]));
      else console.log(row([r.name, fmt(b.fullUs), fmt(r.fullUs), fmt(b.overheadUs), fmt(r.overheadUs), ratio]));
    }
    console.log(row(['getPet, 200 JSON body', fmt(baselinePetCallUs), fmt(petCallUs), '', '', `${fmt(baselinePetCallUs / petCallUs, 1)}× faster`]));
  }
  console.log('');
  console.log(`stampede: ${concurrency} concurrent calls on an expired token`);
  console.log(row(['round', 'token requests', 'wall ms', 'calls ok', 'sent new token']));
  stampede.forEach((s, i) => console.log(row([i + 1, s.tokenRequests, fmt(s.wallMs, 1), `${s.ok}/${concurrency}`, `${s.okSameToken}/${concurrency}`])));
  const firstError = stampede.find((s) => s.firstError !== undefined)?.firstError;
  if (firstError !== undefined) console.log(`first failure: ${firstError?.message ?? firstError}`);
  console.log('');

  const secured = mine.slice(1);
  const underTarget = (r) => Number.isFinite(r.overheadUs) && r.overheadUs < targetUs;
  const worst = secured.reduce((a, b) => (b.overheadUs > a.overheadUs ? b : a));
  const oauth = secured.find((r) => r.name.startsWith('oauth2'));
  const stampedePass = stampede.every((s) => s.tokenRequests === 1 && s.ok === concurrency && s.okSameToken === concurrency);
  const counts = [...new Set(stampede.map((s) => s.tokenRequests))].join('/');
  const results = [
    [`oauth2 cached-token overhead < ${targetUs} µs`, `${fmt(oauth.overheadUs)} µs`, underTarget(oauth)],
    [`every scheme's overhead < ${targetUs} µs`, `${fmt(worst.overheadUs)} µs (${worst.name})`, secured.every(underTarget)],
    ['no token request while the token is fresh', String(tokenRequestsWhileTiming), tokenRequestsWhileTiming === 0],
    [`${concurrency} calls on expired token → 1 token request`, `${counts} (median ${fmt(median(stampede.map((s) => s.wallMs)), 1)} ms)`, stampedePass],
  ];
  for (const [goal, got, pass] of results) target(goal, got, pass);
  return results.every(([, , pass]) => pass);
}
