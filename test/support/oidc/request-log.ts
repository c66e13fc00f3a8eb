/**
 * Records what reached the authorization server, as Koa middleware placed before oidc-provider's
 * router: every token request (what the client actually sent and how the server answered), every
 * device authorization request and every metadata (discovery) request. Client secrets, passwords,
 * assertions and codes are never recorded, only whether they were present.
 */
import { createHash } from 'node:crypto';
import { peerCertificate } from './mtls-feature.js';
import type { KoaContext, KoaMiddleware } from './oidc-provider-types.js';

/** How the client authenticated, judged from the request itself (not from the client's registration). */
export type ClientAuthTransport = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt' | 'client_secret_jwt' | 'none';

export interface TokenRequestRecord {
  grantType: string | undefined;
  /** From the Basic header (form-decoded), the assertion's `sub`, or the form's `client_id`. */
  clientId: string | undefined;
  clientAuth: ClientAuthTransport;
  /** `alg` of the client_assertion header, for private_key_jwt / client_secret_jwt. */
  assertionAlg?: string;
  scope?: string;
  resource?: string | string[];
  /** Names of all form parameters sent, sorted (values of secrets are not kept). */
  paramNames: string[];
  /** The refresh_token presented, so tests can tell whether the rotated one was used. */
  refreshToken?: string;
  status: number;
  /** OAuth error code of a failed request (`invalid_client`, `invalid_grant`, `authorization_pending`…). */
  error?: string;
  errorDescription?: string;
  /** oidc-provider's internal reason, never sent to the client (e.g. "code_verifier does not match code_challenge"). */
  errorDetail?: string;
  /** Date.now() when the request arrived (device-flow polling intervals). */
  receivedAt: number;
  /** The DPoP proof (RFC 9449) the request carried, as sent. */
  dpopProof?: string;
  /** The DPoP-Nonce the server answered with, if any. */
  dpopNonce?: string;
  /** `dpop_jkt` of a pushed authorization request (RFC 9449 §10). */
  dpopJkt?: string;
  /** Where the request came in: the issuer's http origin, or the https one of the mTLS aliases. */
  origin: string;
  /** base64url SHA-256 of the client certificate the TLS connection presented (RFC 8705 `x5t#S256`). */
  certificateThumbprint?: string;
}

export interface DeviceAuthorizationRecord {
  clientId: string | undefined;
  scope?: string;
  status: number;
  error?: string;
  receivedAt: number;
}

export interface RequestLog {
  tokenRequests: TokenRequestRecord[];
  deviceAuthorizationRequests: DeviceAuthorizationRecord[];
  /** POSTs to /request (RFC 9126), recorded like token requests. */
  pushedAuthorizationRequests: TokenRequestRecord[];
  /** Paths of metadata requests, in order (both /.well-known documents). */
  discoveryPaths: string[];
}

export type Form = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function decodeJwtPart(jwt: string, index: 0 | 1): Record<string, unknown> {
  try {
    const part = jwt.split('.')[index] ?? '';
    const decoded: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof decoded === 'object' && decoded !== null ? (decoded as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** RFC 6749 §2.3.1: the Basic user-id is the form-urlencoded client_id. */
function basicClientId(authorization: string): string | undefined {
  const match = /^basic\s+(\S+)$/i.exec(authorization);
  if (match?.[1] === undefined) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return undefined;
  try {
    return decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, '%20'));
  } catch {
    return decoded.slice(0, colon);
  }
}

/** Who the request says it is and how it authenticated, read from the request alone. */
export function clientOf(ctx: KoaContext, form: Form): Pick<TokenRequestRecord, 'clientId' | 'clientAuth' | 'assertionAlg'> {
  const authorization = ctx.get('authorization');
  const assertion = first(form['client_assertion']);
  if (authorization !== '') return { clientId: basicClientId(authorization), clientAuth: 'client_secret_basic' };
  if (assertion !== undefined) {
    const alg = decodeJwtPart(assertion, 0)['alg'];
    const sub = decodeJwtPart(assertion, 1)['sub'];
    return {
      clientId: typeof sub === 'string' ? sub : first(form['client_id']),
      clientAuth: typeof alg === 'string' && alg.startsWith('HS') ? 'client_secret_jwt' : 'private_key_jwt',
      ...(typeof alg === 'string' ? { assertionAlg: alg } : {}),
    };
  }
  const clientAuth = form['client_secret'] !== undefined ? 'client_secret_post' : 'none';
  return { clientId: first(form['client_id']), clientAuth };
}

function outcome(ctx: KoaContext): { status: number; error?: string; errorDescription?: string } {
  const body = ctx.body;
  if (ctx.status < 400 || typeof body !== 'object' || body === null) return { status: ctx.status };
  const { error, error_description: description } = body as { error?: unknown; error_description?: unknown };
  return {
    status: ctx.status,
    ...(typeof error === 'string' ? { error } : {}),
    ...(typeof description === 'string' ? { errorDescription: description } : {}),
  };
}

export const DISCOVERY_PATH = '/.well-known/openid-configuration';
/** RFC 8414 metadata location for an issuer without a path; served with the same document. */
export const OAUTH_METADATA_PATH = '/.well-known/oauth-authorization-server';

export interface RequestRecorder {
  log: RequestLog;
  middleware: KoaMiddleware;
  /** Listener for the provider's `grant.error` / `server_error` events, which carry the internal detail. */
  noteError(ctx: KoaContext, error: unknown): void;
}

function detailOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { error_detail: detail, message } = error as { error_detail?: unknown; message?: unknown };
  if (typeof detail === 'string') return detail;
  return typeof message === 'string' ? message : undefined;
}

export function createRequestLog(): RequestRecorder {
  const log: RequestLog = { tokenRequests: [], deviceAuthorizationRequests: [], pushedAuthorizationRequests: [], discoveryPaths: [] };
  const details = new WeakMap<KoaContext, string>();

  const middleware: KoaMiddleware = async (ctx, next) => {
    const receivedAt = Date.now();
    const path = ctx.path;
    if (path === DISCOVERY_PATH || path === OAUTH_METADATA_PATH) {
      log.discoveryPaths.push(path);
      if (path === OAUTH_METADATA_PATH) ctx.path = DISCOVERY_PATH;
      return next();
    }
    const isToken = ctx.method === 'POST' && path === '/token';
    const isDevice = ctx.method === 'POST' && path === '/device/auth';
    const isPushed = ctx.method === 'POST' && path === '/request';
    if (!isToken && !isDevice && !isPushed) return next();

    await next();
    // oidc-provider parsed the form during next(); its endpoints' error handlers already set status and body.
    const form: Form = ctx.oidc?.body ?? {};
    const scope = first(form['scope']);
    const client = clientOf(ctx, form);
    if (isDevice) {
      const { status, error } = outcome(ctx);
      log.deviceAuthorizationRequests.push({ clientId: client.clientId, ...(scope ? { scope } : {}), status, ...(error ? { error } : {}), receivedAt });
      return;
    }
    const resource = form['resource'];
    const refreshToken = first(form['refresh_token']);
    const errorDetail = details.get(ctx);
    const dpopProof = ctx.get('dpop');
    const dpopNonce = ctx.response.get('dpop-nonce');
    const dpopJkt = first(form['dpop_jkt']);
    const certificate = peerCertificate(ctx.req.socket);
    (isPushed ? log.pushedAuthorizationRequests : log.tokenRequests).push({
      grantType: first(form['grant_type']),
      ...client,
      ...(scope !== undefined ? { scope } : {}),
      ...(resource !== undefined ? { resource } : {}),
      paramNames: Object.keys(form).sort(),
      ...(refreshToken !== undefined ? { refreshToken } : {}),
      ...outcome(ctx),
      ...(errorDetail !== undefined ? { errorDetail } : {}),
      receivedAt,
      ...(dpopProof !== '' ? { dpopProof } : {}),
      ...(dpopNonce !== '' ? { dpopNonce } : {}),
      ...(dpopJkt !== undefined ? { dpopJkt } : {}),
      origin: `${certificate !== undefined || 'encrypted' in ctx.req.socket ? 'https' : 'http'}://${ctx.req.headers.host ?? ''}`,
      ...(certificate !== undefined ? { certificateThumbprint: createHash('sha256').update(certificate.raw).digest('base64url') } : {}),
    });
  };
  const noteError = (ctx: KoaContext, error: unknown) => {
    const detail = detailOf(error);
    if (detail !== undefined) details.set(ctx, detail);
  };
  return { log, middleware, noteError };
}
