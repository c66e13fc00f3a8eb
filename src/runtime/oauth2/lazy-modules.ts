/**
 * OAuth 2.0 code only some credentials need, loaded with `import()` the first time one does: key
 * import and JWT signing (private_key_jwt, the JWT bearer grant, DPoP), the JWT bearer grant's
 * token requests, DPoP proofs, the authorization code helpers, the device flow, discovery
 * metadata, the guard around an application's token store, lease-held renewals, and what an
 * authorization-server request does once it goes wrong (retries, redirects, error answers). A bundler
 * splits each into a chunk the app fetches only when that path runs, so an app using client
 * credentials with a secret or a static key does not ship them. Every caller is already async
 * (token requests, proofs, sign-in, store calls). No module the client imports statically may
 * import these modules itself, or the split is lost; they take what they need of the up-front
 * runtime through lazy-module-imports.ts.
 */
export const loadSigning = (): Promise<typeof import('./client-assertion.js')> => import('./client-assertion.js');
export const loadAuthorizationCode = (): Promise<typeof import('./authorization-code-flow.js')> => import('./authorization-code-flow.js');
export const loadDeviceFlow = (): Promise<typeof import('./device-flow.js')> => import('./device-flow.js');
export const loadMetadataEndpoints = (): Promise<typeof import('./metadata-endpoints.js')> => import('./metadata-endpoints.js');
export const loadJwtBearer = (): Promise<typeof import('./jwt-bearer.js')> => import('./jwt-bearer.js');
export const loadDpop = (): Promise<typeof import('./dpop.js')> => import('./dpop.js');
export const loadDpopTokenRequest = (): Promise<typeof import('./dpop-token-request.js')> => import('./dpop-token-request.js');
export const loadGuardedTokenStore = (): Promise<typeof import('./guarded-token-store.js')> => import('./guarded-token-store.js');
export const loadLeaseFlight = (): Promise<typeof import('./lease-flight.js')> => import('./lease-flight.js');
export const loadOAuthHttpFailure = (): Promise<typeof import('./oauth-http-failure.js')> => import('./oauth-http-failure.js');
