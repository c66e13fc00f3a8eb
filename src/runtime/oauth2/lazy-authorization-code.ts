import type { AuthorizationCodeHelpers } from './authorization-code-flow.js';
import { loadOnce } from '../lazy-core-modules.js';
import { loadAuthorizationCode } from './lazy-modules.js';
import type { AuthorizationCodeFlow } from './types.js';

/**
 * The sign-in helpers of an authorization code scheme, whose code (PKCE, PAR, the code exchange)
 * loads on the first call (a failed load is tried again by the next): both calls are async, and a
 * client may never sign a user in.
 */
export function lazyAuthorizationCode(...args: ConstructorParameters<typeof AuthorizationCodeHelpers>): AuthorizationCodeFlow & { readonly scheme: string } {
  const load = loadOnce(async () => new (await loadAuthorizationCode()).AuthorizationCodeHelpers(...args));
  return {
    scheme: args[0].http.scheme,
    authorizationUrl: async (options) => (await load()).authorizationUrl(options),
    exchangeCode: async (exchange) => (await load()).exchangeCode(exchange),
  };
}
