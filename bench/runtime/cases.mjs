// The overhead cases: one generated client holding every credential, a fetch stub that answers at
// once, and for each operation the same steps driven directly on the compiled runtime.

const NO_CONTENT = new Response(null, { status: 204 }); // no body, so one object serves every call
const PET_JSON = JSON.stringify({ id: 1, name: 'Rex' });

export const CREDENTIALS = {
  oauth: { clientId: 'bench-client', clientSecret: 'bench-secret' },
  bearer: 'static-bearer-token',
  apiKey: 'api-key-123',
  basic: { username: 'alice', password: 'wonderland' },
};

/** The answer of the API stub: a shared 204 for /ping/*, a fresh JSON body (read by the client) for /pets/*. */
export function respond(url) {
  return url.includes('/pets/') ? new Response(PET_JSON, { headers: { 'content-type': 'application/json' } }) : NO_CONTENT;
}

/**
 * compiled: { client, runtime, buildRequest } from importCompiled(); fetch: the stub; oauthToken:
 * the token the token server will hand this client's first OAuth call. Returns
 * { client, cases } where cases[0] is the public baseline and each case has full(), isolated()
 * (resolving the request it authenticated) and the header [name, value] it must send.
 */
export function buildCases({ compiled, fetch, apiOrigin, tokenUrl, oauthToken = 'tok-1' }) {
  const { client: generated, runtime, buildRequest } = compiled;
  // One store for the client and the isolated strategies: both use the token the first call obtains.
  const tokenStore = new runtime.MemoryTokenStore();
  const client = new generated.AuthBenchClient({ baseUrl: apiOrigin, fetch, auth: CREDENTIALS, tokenStore });

  // Mirrors bench-api.yaml's securitySchemes (the generated client keeps its copy module-private).
  const schemes = {
    oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl, scopes: ['pets:read'] } } },
    bearer: { type: 'http', scheme: 'bearer' },
    apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
    basic: { type: 'http', scheme: 'basic' },
  };
  const strategies = runtime.createAuthStrategies(schemes, CREDENTIALS, { baseUrl: apiOrigin, fetch, tokenStore });
  // The schemes configured, as selectAlternative asks: by .has() (today's runtime) or called (a
  // BASELINE_REPO build from before it took the strategy Map), so both run in the same rounds.
  const configured = Object.assign((scheme) => strategies.has(scheme), { has: (scheme) => strategies.has(scheme) });
  // What ClientCore does per attempt: prepare the request and apply each strategy of the
  // alternative it selected (once per operation: the strategies are fixed, so is the choice).
  const isolated = (op) => {
    const chosen = Object.freeze(runtime.selectAlternative(op.security, configured).map(([scheme, scopes]) => Object.freeze([scheme, Object.freeze([...scopes])])));
    return async () => {
      const request = buildRequest.prepareRequest(apiOrigin, undefined, op, undefined, undefined);
      for (const [scheme, scopes] of chosen) await strategies.get(scheme).apply(request, { scopes, operation: op.id });
      return request;
    };
  };
  const ops = generated.operations;
  const cases = [
    { name: 'public (baseline)', full: () => client.pingPublic(), isolated: isolated(ops.pingPublic), header: ['authorization', undefined] },
    { name: 'oauth2 cached token', full: () => client.pingOAuth(), isolated: isolated(ops.pingOAuth), header: ['authorization', `Bearer ${oauthToken}`] },
    { name: 'bearer static', full: () => client.pingBearer(), isolated: isolated(ops.pingBearer), header: ['authorization', 'Bearer static-bearer-token'] },
    { name: 'apiKey header', full: () => client.pingApiKey(), isolated: isolated(ops.pingApiKey), header: ['x-api-key', 'api-key-123'] },
    { name: 'basic', full: () => client.pingBasic(), isolated: isolated(ops.pingBasic), header: ['authorization', `Basic ${btoa('alice:wonderland')}`] },
  ];
  return { client, cases };
}

/**
 * Runs each case once both ways and compares the header it sent with the expected one, so no row
 * times a no-op. `capture(fn)` runs fn and resolves the Headers the API stub received. Resolves a
 * list of problems (empty when fine); never quotes the values.
 */
export async function checkCases(cases, capture) {
  const problems = [];
  for (const { name, full, isolated, header: [headerName, expected] } of cases) {
    const viaClient = (await capture(full))?.get(headerName) ?? undefined;
    const direct = (await isolated()).headers.get(headerName) ?? undefined;
    const verdict = (value) => (value === expected ? 'as expected' : value === undefined ? 'nothing' : 'another value');
    if (viaClient !== expected || direct !== expected) problems.push(`${name}: full call sent ${verdict(viaClient)}, isolated path set ${verdict(direct)} for ${headerName}`);
  }
  return problems;
}
