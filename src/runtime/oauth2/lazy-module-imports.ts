/**
 * Everything the lazily loaded modules (lazy-modules.ts) take from the runtime a client loads up
 * front, handed over by lazy-modules.ts (`provide`): it loads this module with import()
 * before the first lazy module, and only the lazy modules import it. Why not plain re-exports: a
 * bundler that splits code puts each module in a chunk per distinct set of entry points that reach
 * it, counting every `import()` target as one. Every up-front module a lazy module imported would
 * leave the entry chunk for a chunk shared with the lazy ones, so an app's initial download would be
 * two files (or ten), each compressed (and fetched) alone, which costs what the entry chunk and the
 * shared code have in common. This module imports no code statically (it loads the lazy modules
 * with import()) and nothing up front imports it, so the up-front chunk shares nothing with the
 * lazy ones. Each binding is named after what it holds with a `$` (the generator maps a runtime
 * name to the one module that defines it); a lazy module
 * imports it under the plain name (`import { TokenError$ as TokenError }`). tokenError, at the end,
 * is this module's own: it writes a TokenError in full, which only the lazy modules need.
 */
export let abortable$: typeof import('../abortable.js').abortable;
export let quoteScheme$: typeof import('../credential-checks.js').quoteScheme;
export let option$: typeof import('./option-checks.js').option;
export let schemeWhere$: typeof import('./option-checks.js').schemeWhere;
export let formEncode$: typeof import('./encoding.js').formEncode;
export let requireHeaderSafe$: typeof import('../credential-checks.js').requireHeaderSafe;
export let discardBody$: typeof import('../parse-response.js').discardBody;
export let readBoundedText$: typeof import('./bounded-body.js').readBoundedText;
export let checkEndpoint$: typeof import('./endpoint-url.js').checkEndpoint;
export let sendToServer$: typeof import('./token-endpoint.js').sendToServer;
export let requestTokens$: typeof import('./token-endpoint.js').requestTokens;
export let requireEndpoint$: typeof import('./token-endpoint.js').requireEndpoint;
export let scopeParam$: typeof import('./token-endpoint.js').scopeParam;
export let TokenError$: typeof import('./token-error.js').TokenError;
export type TokenError$ = import('./token-error.js').TokenError;
// The generated index.ts exports it, so an app's entry reaches it: taken from there, it stays out of a chunk shared with the lazy modules.
export let TokenStoreError$: typeof import('./token-store-error.js').TokenStoreError;
export type TokenStoreError$ = import('./token-store-error.js').TokenStoreError;

/** What lazy-modules.ts hands over: each binding above, in this order (lazy-modules.test.ts checks each one by name). */
export type LazyImports = [
  abortable: typeof abortable$,
  quoteScheme: typeof quoteScheme$,
  option: typeof option$,
  schemeWhere: typeof schemeWhere$,
  formEncode: typeof formEncode$,
  requireHeaderSafe: typeof requireHeaderSafe$,
  discardBody: typeof discardBody$,
  readBoundedText: typeof readBoundedText$,
  checkEndpoint: typeof checkEndpoint$,
  sendToServer: typeof sendToServer$,
  requestTokens: typeof requestTokens$,
  requireEndpoint: typeof requireEndpoint$,
  scopeParam: typeof scopeParam$,
  TokenError: typeof TokenError$,
  TokenStoreError: typeof TokenStoreError$,
];

/** Fills the bindings above (lazy-modules.ts, once); a short name, as it is a property in every entry bundle. */
export function provide(from: LazyImports): void {
  [
    abortable$,
    quoteScheme$,
    option$,
    schemeWhere$,
    formEncode$,
    requireHeaderSafe$,
    discardBody$,
    readBoundedText$,
    checkEndpoint$,
    sendToServer$,
    requestTokens$,
    requireEndpoint$,
    scopeParam$,
    TokenError$,
    TokenStoreError$,
  ] = from;
}

/**
 * The lazy modules themselves, each loaded from here (lazy-modules.ts, after this module): the
 * up-front chunk then names one chunk, this one, and not one per lazy module it may load (each a
 * hashed file name, ~12 B gzip in every app's initial download). Every lazy module waits for this
 * one anyway, so loading through it costs no extra round trip. Short names: each is a property in
 * the entry bundles that use it.
 */
export const signing = (): Promise<typeof import('./client-assertion.js')> => import('./client-assertion.js');
export const authorizationCode = (): Promise<typeof import('./authorization-code-flow.js')> => import('./authorization-code-flow.js');
export const deviceFlow = (): Promise<typeof import('./device-flow.js')> => import('./device-flow.js');
export const metadataEndpoints = (): Promise<typeof import('./metadata-endpoints.js')> => import('./metadata-endpoints.js');
export const jwtBearer = (): Promise<typeof import('./jwt-bearer.js')> => import('./jwt-bearer.js');
export const dpop = (): Promise<typeof import('./dpop.js')> => import('./dpop.js');
export const dpopTokenRequest = (): Promise<typeof import('./dpop-token-request.js')> => import('./dpop-token-request.js');
export const guardedTokenStore = (): Promise<typeof import('./guarded-token-store.js')> => import('./guarded-token-store.js');
export const oauthHttpFailure = (): Promise<typeof import('./oauth-http-failure.js')> => import('./oauth-http-failure.js');
export const tlsEndpoints = (): Promise<typeof import('./tls-endpoints.js')> => import('./tls-endpoints.js');
export const renewalSteps = (): Promise<typeof import('./renewal-steps.js')> => import('./renewal-steps.js');

/**
 * A TokenError (the class has Error's constructor; the up-front code makes its own with
 * offlineError, token-error.ts, which needs no lazy chunk): the message
 * `scheme: error (HTTP n): description` then `more` (what oauth-http-failure.ts says of the
 * Retry-After and the hint). A status of 0 (an opaque redirect's) is not shown: it is no HTTP
 * status. error, errorDescription, status and scheme own properties (undefined when absent).
 */
export function tokenError(scheme: string, error: string, errorDescription?: string, status?: number, cause?: unknown, more = ''): TokenError$ {
  return Object.assign(new TokenError$(`${schemeWhere$(scheme)}${error}${status ? ` (HTTP ${status})` : ''}${errorDescription ? `: ${errorDescription}` : ''}${more}`, cause === undefined ? undefined : { cause }), { error, errorDescription, status, scheme });
}
