/**
 * The pets API (pets-api.ts) as an RFC 8705 resource server: https on 127.0.0.1, asking every
 * connection for a client certificate, accepting `Authorization: Bearer <JWT access token>` only
 * when the token verifies against the issuer's JWKS (`iss`, `aud`, `exp`, `typ: at+jwt`) AND its
 * `cnf["x5t#S256"]` equals the SHA-256 thumbprint of the certificate this connection presented
 * (§3). Any certificate is accepted in the handshake: the binding, not a CA, is what is checked.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { peerCertificate } from './mtls-feature.js';
import { answering, grantedScopes, listenLocally, readBody, send } from './api-server-parts.js';
import { findRoute } from './pets-api.js';

export interface MtlsResourceServerOptions {
  issuer: string;
  jwksUri: string;
  audience: string;
  /** The https listener's certificate (for 127.0.0.1). */
  tls: { cert: string; key: string };
}

export interface MtlsRequestRecord {
  method: string;
  url: string;
  /** base64url SHA-256 of the certificate the connection presented, if any. */
  certificateThumbprint: string | undefined;
  /** Claims of an access token that verified. */
  tokenClaims: JWTPayload | undefined;
  status: number;
  error?: string;
  errorDescription?: string;
}

export interface MtlsResourceServer {
  /** `https://127.0.0.1:<port>`. */
  url: string;
  readonly requests: readonly MtlsRequestRecord[];
  resetRequests(): void;
  stop(): Promise<void>;
}

class Refusal extends Error {
  constructor(
    readonly status: 401 | 403,
    readonly code: string,
    readonly description: string,
  ) {
    super(description);
  }
}

export async function startMtlsResourceServer(options: MtlsResourceServerOptions): Promise<MtlsResourceServer> {
  const jwks = createRemoteJWKSet(new URL(options.jwksUri));
  const requests: MtlsRequestRecord[] = [];
  let origin = '';

  async function verifyToken(authorization: string | undefined): Promise<JWTPayload> {
    const token = /^bearer +([A-Za-z0-9\-._~+/]+=*)$/i.exec(authorization ?? '')?.[1];
    if (token === undefined) throw new Refusal(401, 'invalid_token', 'Bearer access token required');
    try {
      const { payload } = await jwtVerify(token, jwks, { issuer: options.issuer, audience: options.audience, typ: 'at+jwt', algorithms: ['RS256', 'ES256', 'PS256'], clockTolerance: 0 });
      return payload;
    } catch {
      throw new Refusal(401, 'invalid_token', 'access token invalid');
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const certificate = peerCertificate(req.socket);
    const record: MtlsRequestRecord = { method, url, certificateThumbprint: certificate === undefined ? undefined : createHash('sha256').update(certificate.raw).digest('base64url'), tokenClaims: undefined, status: 0 };
    requests.push(record);
    const route = findRoute(method, new URL(url, origin).pathname);
    if (route === undefined) {
      record.status = 404;
      send(res, { status: 404, body: { error: 'not_found' } });
      return;
    }
    try {
      const claims = await verifyToken(req.headers.authorization);
      record.tokenClaims = claims;
      const bound = (claims['cnf'] as Record<string, unknown> | undefined)?.['x5t#S256'];
      if (typeof bound !== 'string') throw new Refusal(401, 'invalid_token', 'access token not bound to a certificate (cnf.x5t#S256)');
      if (record.certificateThumbprint === undefined) throw new Refusal(401, 'invalid_token', 'no client certificate presented');
      if (bound !== record.certificateThumbprint) throw new Refusal(401, 'invalid_token', 'certificate does not match the token binding (cnf.x5t#S256)');
      const granted = grantedScopes(claims);
      if (route.scope !== undefined && !granted.has(route.scope)) throw new Refusal(403, 'insufficient_scope', `scope ${route.scope} required`);
      const reply = route.answer({ claims, body: method === 'POST' ? await readBody(req) : '', params: route.params });
      record.status = reply.status;
      send(res, reply);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      Object.assign(record, { status: error.status, error: error.code, errorDescription: error.description });
      send(res, { status: error.status, body: { error: error.code, error_description: error.description } }, { 'www-authenticate': `Bearer error="${error.code}", error_description="${error.description}"` });
    }
  }

  const server = createServer({ ...options.tls, requestCert: true, rejectUnauthorized: false }, answering(handle, requests));
  const listener = await listenLocally(server);
  origin = `https://127.0.0.1:${listener.port}`;

  return {
    url: origin,
    requests,
    resetRequests() {
      requests.length = 0;
    },
    stop: listener.stop,
  };
}
