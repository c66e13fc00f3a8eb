/**
 * A small protected API (the "pets" API of fixtures/oauth/*.yaml) on 127.0.0.1, port chosen by the
 * OS. It accepts only `Authorization: Bearer <JWT>` access tokens from the given issuer: signature
 * against the issuer's JWKS, `iss`, `aud`, `exp` (no clock tolerance), `typ: at+jwt`, and the scope
 * each route demands. Errors follow RFC 6750 §3: 401 + `WWW-Authenticate: Bearer …` (with
 * `error="invalid_token"` when a token was sent), 403 `insufficient_scope`.
 *
 * Routes: GET /pets (pets:read), POST /pets (pets:write), GET /pets/{id} (pets:read),
 * GET /whoami (any valid token; echoes the token's claims).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { answering, grantedScopes, listenLocally, readBody, send } from './api-server-parts.js';
import { findRoute } from './pets-api.js';

export interface ResourceServerOptions {
  issuer: string;
  jwksUri: string;
  audience: string;
}

export interface ResourceRequestRecord {
  method: string;
  /** Path and query as received. */
  url: string;
  /** The raw Authorization header, if any. */
  authorization: string | undefined;
  /** Claims of a token that verified (even if the route then refused it for scope). */
  claims: JWTPayload | undefined;
  status: number;
  /** RFC 6750 error code of a refused request. */
  error?: 'invalid_request' | 'invalid_token' | 'insufficient_scope';
  errorDescription?: string;
}

export interface ResourceServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** Every request, in arrival order (live array). */
  readonly requests: readonly ResourceRequestRecord[];
  /** The next `count` requests that carry a bearer token get 401 invalid_token, as if it had been revoked. */
  rejectNext(count?: number): void;
  /** Refuses this access token (by `jti`) from now on with 401 invalid_token. */
  revokeToken(accessToken: string): void;
  resetRequests(): void;
  stop(): Promise<void>;
}

const REALM = 'pets';

class Refusal extends Error {
  constructor(
    readonly status: 400 | 401 | 403,
    readonly code: ResourceRequestRecord['error'] | undefined,
    readonly description: string,
    readonly scope?: string,
  ) {
    super(description);
  }
}

function challenge(refusal: Refusal): string {
  const params = [`realm="${REALM}"`];
  if (refusal.code !== undefined) params.push(`error="${refusal.code}"`, `error_description="${refusal.description}"`);
  if (refusal.scope !== undefined) params.push(`scope="${refusal.scope}"`);
  return `Bearer ${params.join(', ')}`;
}

/**
 * RFC 6750 §3.1: no credentials, or another scheme, is a bare 401 challenge without an error code;
 * a malformed Bearer header is 400 invalid_request. The scheme name is case-insensitive (RFC 9110 §11.1).
 */
function bearerToken(authorization: string | undefined): string {
  if (authorization === undefined || !/^bearer(\s|$)/i.test(authorization)) throw new Refusal(401, undefined, 'bearer token required');
  const match = /^bearer +([A-Za-z0-9\-._~+/]+=*)$/i.exec(authorization);
  if (match?.[1] === undefined) throw new Refusal(400, 'invalid_request', 'malformed Bearer credentials');
  return match[1];
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'token expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `token ${error.claim} claim rejected`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'token signature invalid';
  return 'token invalid';
}

export async function startResourceServer(options: ResourceServerOptions): Promise<ResourceServer> {
  const jwks = createRemoteJWKSet(new URL(options.jwksUri));
  const requests: ResourceRequestRecord[] = [];
  const revokedJtis = new Set<string>();
  let forcedRejections = 0;

  async function verify(token: string): Promise<JWTPayload> {
    if (forcedRejections > 0) {
      forcedRejections--;
      throw new Refusal(401, 'invalid_token', 'token revoked');
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: options.issuer,
        audience: options.audience,
        typ: 'at+jwt',
        algorithms: ['RS256', 'ES256', 'PS256'],
        clockTolerance: 0,
      }));
    } catch (error) {
      throw new Refusal(401, 'invalid_token', describeJoseError(error));
    }
    if (payload.jti !== undefined && revokedJtis.has(payload.jti)) throw new Refusal(401, 'invalid_token', 'token revoked');
    return payload;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const authorization = req.headers.authorization;
    const record: ResourceRequestRecord = { method, url, authorization, claims: undefined, status: 0 };
    requests.push(record);
    const route = findRoute(method, new URL(url, 'http://resource.invalid').pathname);
    if (route === undefined) {
      record.status = 404;
      send(res, { status: 404, body: { error: 'not_found' } });
      return;
    }
    try {
      const claims = await verify(bearerToken(authorization));
      record.claims = claims;
      const granted = grantedScopes(claims);
      if (route.scope !== undefined && !granted.has(route.scope)) {
        throw new Refusal(403, 'insufficient_scope', `scope ${route.scope} required`, route.scope);
      }
      const reply = route.answer({ claims, body: method === 'POST' ? await readBody(req) : '', params: route.params });
      record.status = reply.status;
      send(res, reply);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      Object.assign(record, { status: error.status, ...(error.code ? { error: error.code } : {}), errorDescription: error.description });
      send(res, { status: error.status, body: { error: error.code ?? 'unauthorized', error_description: error.description } }, { 'www-authenticate': challenge(error) });
    }
  }

  const server = createServer(answering(handle, requests));
  const listener = await listenLocally(server);
  const { port } = listener;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    rejectNext(count = 1) {
      forcedRejections += count;
    },
    revokeToken(accessToken) {
      const [, payload = ''] = accessToken.split('.');
      const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      const jti = typeof claims === 'object' && claims !== null ? (claims as { jti?: unknown }).jti : undefined;
      if (typeof jti !== 'string') throw new Error('revokeToken: not a JWT access token with a jti');
      revokedJtis.add(jti);
    },
    resetRequests() {
      requests.length = 0;
    },
    stop: listener.stop,
  };
}
