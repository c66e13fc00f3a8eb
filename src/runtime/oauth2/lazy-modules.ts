/**
 * OAuth 2.0 code only some credentials need, loaded with `import()` the first time one does: key
 * import and JWT signing (private_key_jwt, the JWT bearer grant, DPoP), the JWT bearer grant's
 * token requests, DPoP proofs, the authorization code helpers, the device flow, discovery
 * metadata, the guard around an application's token store (with its lease-held renewals), what an
 * authorization-server request does once it goes wrong (retries, redirects, error answers), and
 * a renewal's occasional steps (the API refused a token, a refresh token). A bundler
 * splits each into a chunk the app fetches only when that path runs, so an app using client
 * credentials with a secret or a static key does not ship them. Every caller is already async
 * (token requests, proofs, sign-in, store calls). No module the client imports statically may
 * import these modules itself, or the split is lost; they take what they need of the up-front
 * runtime through lazy-module-imports.ts, itself loaded with import() and filled (once) by the
 * first loader, which then loads its module through it: the up-front chunk shares no module with
 * them, and names no chunk but that one.
 */
import { abortable } from '../abortable.js';
import { quoteScheme, requireHeaderSafe } from '../credential-checks.js';
import { discardBody } from '../parse-response.js';
import { loadOnce } from '../lazy-core-modules.js';
import { readBoundedText } from './bounded-body.js';
import { option, schemeWhere } from './option-checks.js';
import { formEncode } from './encoding.js';
import { checkEndpoint } from './endpoint-url.js';
import { requestTokens, requireEndpoint, scopeParam, sendToServer } from './token-endpoint.js';
import { TokenError } from './token-error.js';
import { TokenStoreError } from './token-store-error.js';

/**
 * Loads lazy-module-imports.ts and hands it the lazy modules' imports; every loader waits for it
 * and then loads its module through it (by then every module above has been evaluated). A test
 * that imports a lazy module directly awaits it first. A failed load (offline) is not kept
 * (loadOnce): the next loader tries again.
 */
export const provideLazyModuleImports: () => Promise<typeof import('./lazy-module-imports.js')> = loadOnce(() =>
  import('./lazy-module-imports.js').then((hub) => {
    hub.provide([abortable, quoteScheme, option, schemeWhere, formEncode, requireHeaderSafe, discardBody, readBoundedText, checkEndpoint, sendToServer, requestTokens, requireEndpoint, scopeParam, TokenError, TokenStoreError]);
    return hub;
  }),
);

// Each loader is marked pure: one the app never calls (a flow it does not use) is dropped from its bundle.
function provided$<T>(load: (hub: typeof import('./lazy-module-imports.js')) => Promise<T>): () => Promise<T> {
  return loadOnce(() => provideLazyModuleImports().then(load));
}

export const loadSigning: () => Promise<typeof import('./client-assertion.js')> = /* @__PURE__ */ provided$((hub) => hub.signing());
export const loadAuthorizationCode: () => Promise<typeof import('./authorization-code-flow.js')> = /* @__PURE__ */ provided$((hub) => hub.authorizationCode());
export const loadDeviceFlow: () => Promise<typeof import('./device-flow.js')> = /* @__PURE__ */ provided$((hub) => hub.deviceFlow());
export const loadMetadataEndpoints: () => Promise<typeof import('./metadata-endpoints.js')> = /* @__PURE__ */ provided$((hub) => hub.metadataEndpoints());
export const loadJwtBearer: () => Promise<typeof import('./jwt-bearer.js')> = /* @__PURE__ */ provided$((hub) => hub.jwtBearer());
export const loadDpop: () => Promise<typeof import('./dpop.js')> = /* @__PURE__ */ provided$((hub) => hub.dpop());
export const loadDpopTokenRequest: () => Promise<typeof import('./dpop-token-request.js')> = /* @__PURE__ */ provided$((hub) => hub.dpopTokenRequest());
export const loadGuardedTokenStore: () => Promise<typeof import('./guarded-token-store.js')> = /* @__PURE__ */ provided$((hub) => hub.guardedTokenStore());
export const loadOAuthHttpFailure: () => Promise<typeof import('./oauth-http-failure.js')> = /* @__PURE__ */ provided$((hub) => hub.oauthHttpFailure());
export const loadTlsEndpoints: () => Promise<typeof import('./tls-endpoints.js')> = /* @__PURE__ */ provided$((hub) => hub.tlsEndpoints());
export const loadRenewalSteps: () => Promise<typeof import('./renewal-steps.js')> = /* @__PURE__ */ provided$((hub) => hub.renewalSteps());
