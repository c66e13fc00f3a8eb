// Loader hooks (registered by app-child.mjs): every module file Node loads is appended, one
// URL a line, to the file KEYWAY_BENCH_LOADS names, so the bench knows which chunks the app fetched.
import { appendFileSync } from 'node:fs';

const log = process.env.KEYWAY_BENCH_LOADS;

export async function load(url, context, nextLoad) {
  if (log !== undefined && url.startsWith('file:')) appendFileSync(log, `${url}\n`);
  return nextLoad(url, context);
}
