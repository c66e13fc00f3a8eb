// The fetch handed to the client: requests to the API origin are answered at once with a pre-built
// response (no network, so only the client's own work is timed); anything else (the token
// endpoint) goes to the real global fetch.

/**
 * `respond(url)` returns the Response for an API request; a 204 without body can be one shared
 * object, since nothing reads it. `onApiRequest(url, init)` sees every API request (for checks).
 */
export function createStubFetch({ apiOrigin, respond, onApiRequest }) {
  const prefix = `${apiOrigin}/`;
  return function stubFetch(input, init) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(prefix)) return globalThis.fetch(input, init);
    onApiRequest?.(url, init);
    return Promise.resolve(respond(url));
  };
}
