/**
 * oidc-provider accepts a client secret by either transport (Basic header or form body) whichever
 * of client_secret_basic / client_secret_post the client registered. Many real servers refuse the
 * other one; this middleware makes the test server do the same, so a client sending its secret the
 * wrong way fails loudly instead of passing unnoticed.
 *
 * The check can only run after oidc-provider has handled the request (the form is parsed inside
 * its router), so a successful answer is replaced by 401 invalid_client. Whatever the request
 * consumed stays consumed (a code, or the refresh token being rotated); the client never sees the
 * tokens that were minted.
 */
import type { KoaMiddleware } from './oidc-provider-types.js';
import { clientOf } from './request-log.js';

const SECRET_TRANSPORTS = new Set(['client_secret_basic', 'client_secret_post']);
const ENDPOINTS = new Set(['/token', '/device/auth', '/token/revocation', '/token/introspection']);

export const strictClientAuth: KoaMiddleware = async (ctx, next) => {
  await next();
  if (ctx.method !== 'POST' || !ENDPOINTS.has(ctx.path) || ctx.status >= 400) return;
  const registered = ctx.oidc?.client?.clientAuthMethod;
  const used = clientOf(ctx, ctx.oidc?.body ?? {}).clientAuth;
  if (registered === undefined || !SECRET_TRANSPORTS.has(used) || used === registered) return;
  ctx.status = 401;
  ctx.set('www-authenticate', 'Basic realm="keyway-test"');
  ctx.body = { error: 'invalid_client', error_description: `client is registered for ${registered}, not ${used}` };
};
