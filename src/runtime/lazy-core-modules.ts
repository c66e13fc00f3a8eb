/**
 * Request-core code only some answers need, loaded with `import()` the first time one comes: the
 * redirect following (a 3xx), what hooks see (a client with hooks), and the renewal of
 * credentials a server refused (a 401 or 403). A bundler splits it into a chunk an app fetches only then. No module
 * the client imports statically may import it, or the split is lost; it takes what it needs of the
 * up-front runtime as arguments, so it shares no chunk with it.
 */
export const loadFollowRedirects = (): Promise<typeof import('./follow-redirects.js')> => import('./follow-redirects.js');
export const loadHooks = (): Promise<typeof import('./hooks.js')> => import('./hooks.js');
export const loadRenewAfterRefusal = (): Promise<typeof import('./renew-after-refusal.js')> => import('./renew-after-refusal.js');
