/**
 * Everything the lazily loaded modules (lazy-modules.ts) take from the runtime a client loads up
 * front, re-exported from this one module, which only they import. Why: a bundler that splits code
 * puts each module in a chunk per distinct set of entry points that reach it, counting every
 * `import()` target as one. Imported directly, a helper used by the entry and by two of the lazy
 * modules lands in a chunk of its own, and an app's initial download becomes ten small files, each
 * compressed (and fetched) alone. Through this module every lazy module reaches the same set, so
 * they are all in one chunk beside the entry's.
 */
export { abortable } from '../abortable.js';
export { quoteScheme } from '../credential-checks.js';
export { discardBody } from '../parse-response.js';
export { readBoundedText } from './bounded-body.js';
export { crypto, isCryptoKey } from '../web-crypto.js';
export { publicMembers } from './dpop-option.js';
export { base64ToBytes, base64url, base64urlText, randomToken, sha256 } from './encoding.js';
export { checkEndpoint } from './endpoint-url.js';
export { loadSigning } from './lazy-modules.js';
export { getJson, MAX_RETRIES, MAX_RETRY_AFTER_MS, parseAnswer, postForm } from './oauth-http.js';
export { postAuthenticated, postMaybeWithDpop, requestedScope, requestTokens, requireEndpoint, scopeParam } from './token-endpoint.js';
export { sameTokens } from './same-tokens.js';
export { TokenError } from './token-error.js';
export { AUTHORIZATION_CODE_SCOPES } from './token-scopes.js';
export { asTokenSet, parseTokenResponse } from './token-set.js';
export { TokenStoreError } from './token-store-error.js';
