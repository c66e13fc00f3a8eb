// Many calls at once on an expired token must cost the authorization server exactly one token
// request: the token manager runs one renewal per scope set and everyone else waits for it.

/**
 * client: a generated client configured with OAuth 2.0 client credentials whose clock is `clock`;
 * call(client): one secured call; tokenServer: counts token requests; seen: the Authorization
 * values the API stub received (cleared here). Each round jumps the clock past the token's expiry
 * and fires `concurrency` calls at once.
 * Resolves [{ tokenRequests, wallMs, ok, okSameToken }] per round.
 */
export async function runStampede({ client, call, clock, tokenServer, seen, concurrency, rounds, expiresInS }) {
  await call(client); // obtain the first token, so every round starts from a cached, then expired one
  const results = [];
  for (let round = 0; round < rounds; round++) {
    clock.advance(expiresInS * 1000 * 2);
    seen.length = 0;
    const before = tokenServer.requests();
    const started = performance.now();
    const settled = await Promise.allSettled(Array.from({ length: concurrency }, () => call(client)));
    const wallMs = performance.now() - started;
    const tokenRequests = tokenServer.requests() - before;
    const ok = settled.filter((s) => s.status === 'fulfilled').length;
    // Every call must have gone out with the one new token, not the expired one.
    const fresh = `Bearer tok-${tokenServer.requests()}`;
    const okSameToken = seen.filter((value) => value === fresh).length;
    const failure = settled.find((s) => s.status === 'rejected');
    results.push({ tokenRequests, wallMs, ok, okSameToken, firstError: failure?.reason });
  }
  return results;
}

/** A clock the bench moves by hand: the client's `clock` option. */
export function manualClock(start = Date.now()) {
  let now = start;
  return { now: () => now, advance: (ms) => { now += ms; } };
}
