/**
 * A form POST to the authorization server with a DPoP proof (RFC 9449 §5), shared by every grant:
 * the client-authenticated ones and the JWT bearer grant. A `use_dpop_nonce` answer (§8) that brings
 * a new nonce earns exactly one more request with it (the server refused before using the grant, so
 * a code or an assertion may be sent again); a server that asks again gets its error, not a loop.
 * Loaded with import() by the requests of a credential with DPoP on (lazy-modules.ts).
 */
import type { DpopProver } from './dpop.js';
import type { FormRequest, JsonObject, OAuthHttp } from './oauth-http.js';
import { sendToServer$ as sendToServer, tokenError, TokenError$ as TokenError } from './lazy-module-imports.js';

function isNonceDemand(error: unknown): error is TokenError {
  return error instanceof TokenError && error.error === 'use_dpop_nonce';
}

/** `build` makes the form and headers afresh for each attempt; the proof is added here. */
export async function postWithDpop(http: OAuthHttp, url: URL, dpop: DpopProver, build: () => Promise<FormRequest>, what: string, retry: boolean): Promise<JsonObject> {
  let sentNonce: string | undefined;
  // Every answer's nonce is kept, a retry's too: the requests go through this fetch.
  const observed: OAuthHttp = {
    ...http,
    fetch: () => async (input, init) => {
      const response = await http.fetch()(input, init);
      dpop.rememberNonce(url, response.headers.get('dpop-nonce'));
      return response;
    },
  };
  const post = () =>
    sendToServer(
      observed,
      url,
      async () => {
        const request = await build();
        const { proof, nonce } = await dpop.proof('POST', url, http.now());
        sentNonce = nonce;
        request.init.headers.set('dpop', proof);
        return request;
      },
      what,
      retry,
    );
  try {
    return await post();
  } catch (error) {
    if (!isNonceDemand(error) || dpop.nonceFor(url) === sentNonce) throw error;
  }
  try {
    return await post();
  } catch (error) {
    if (!isNonceDemand(error)) throw error;
    throw tokenError(error.scheme, error.error, `the ${what} asked for a new DPoP nonce again right after the retry with the nonce it sent; not retrying further`, error.status);
  }
}
