/**
 * The pets API (pets-api.ts) as a DPoP resource server (RFC 9449 §7): it accepts only
 * `Authorization: DPoP <JWT access token>` with one `DPoP` proof, and checks what §4.3 and §7.1
 * ask: the token against the issuer's JWKS (`iss`, `aud`, `exp`, `typ: at+jwt`), the proof's
 * signature with its embedded `jwk`, `typ: dpop+jwt`, `htm`, `htu` (query and fragment removed),
 * `iat` within IAT_WINDOW_S, `jti` never seen before, `ath` = the token's hash, the key's
 * thumbprint = the token's `cnf.jkt`, and a `nonce` it issued (§9: 401 `use_dpop_nonce` plus
 * `DPoP-Nonce` otherwise). Every request is recorded with the verified proof claims.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { calculateJwkThumbprint, createRemoteJWKSet, EmbeddedJWK, jwtVerify, type JWTPayload } from 'jose';
import { answering, grantedScopes, listenLocally, readBody, send } from './api-server-parts.js';
import { findRoute } from './pets-api.js';

export interface DpopResourceServerOptions {
  issuer: string;
  jwksUri: string;
  audience: string;
}

export interface DpopRequestRecord {
  method: string;
  url: string;
  authorization: string | undefined;
  /** The raw DPoP header, if any. */
  proof: string | undefined;
  /** Claims of a proof whose signature verified. */
  proofClaims: JWTPayload | undefined;
  /** Thumbprint of the proof's embedded key. */
  proofJkt: string | undefined;
  /** Claims of an access token that verified. */
  tokenClaims: JWTPayload | undefined;
  status: number;
  error?: string;
  errorDescription?: string;
}

export interface DpopResourceServer {
  url: string;
  readonly requests: readonly DpopRequestRecord[];
  /** The nonce proofs must carry now. */
  readonly nonce: string;
  /** Issues a new nonce: the old one is refused from now on (as after a nonce's lifetime). */
  rotateNonce(): void;
  /** While on, every nonce is refused and a new one handed out: a server in a nonce loop. */
  nonceLoop(on: boolean): void;
  resetRequests(): void;
  stop(): Promise<void>;
}

/** How far a proof's iat may be from the server's clock. */
export const IAT_WINDOW_S = 60;

class Refusal extends Error {
  constructor(
    readonly status: 400 | 401 | 403,
    readonly code: string,
    readonly description: string,
  ) {
    super(description);
  }
}

function dpopToken(authorization: string | undefined): string {
  const match = /^dpop +([A-Za-z0-9\-._~+/]+=*)$/i.exec(authorization ?? '');
  if (match?.[1] === undefined) throw new Refusal(401, 'invalid_token', 'DPoP-bound access token required (Authorization: DPoP)');
  return match[1];
}

export async function startDpopResourceServer(options: DpopResourceServerOptions): Promise<DpopResourceServer> {
  const jwks = createRemoteJWKSet(new URL(options.jwksUri));
  const requests: DpopRequestRecord[] = [];
  const seenJtis = new Set<string>();
  const newNonce = () => randomBytes(16).toString('base64url');
  let nonce = newNonce();
  let loop = false;
  let origin = '';

  async function verifyToken(token: string): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(token, jwks, { issuer: options.issuer, audience: options.audience, typ: 'at+jwt', algorithms: ['RS256', 'ES256', 'PS256'], clockTolerance: 0 });
      return payload;
    } catch {
      throw new Refusal(401, 'invalid_token', 'access token invalid');
    }
  }

  async function verifyProof(req: IncomingMessage, record: DpopRequestRecord, token: string, claims: JWTPayload): Promise<void> {
    const headers = req.headersDistinct['dpop'] ?? [];
    if (headers.length !== 1) throw new Refusal(401, 'invalid_dpop_proof', 'exactly one DPoP proof required');
    let proof: JWTPayload;
    try {
      const verified = await jwtVerify(headers[0]!, EmbeddedJWK, { typ: 'dpop+jwt', algorithms: ['ES256', 'PS256', 'RS256', 'EdDSA'] });
      proof = verified.payload;
      record.proofJkt = await calculateJwkThumbprint(verified.protectedHeader.jwk!);
    } catch {
      throw new Refusal(401, 'invalid_dpop_proof', 'DPoP proof signature invalid');
    }
    record.proofClaims = proof;
    const target = new URL(req.url ?? '/', origin);
    target.search = '';
    if (proof['htm'] !== req.method) throw new Refusal(401, 'invalid_dpop_proof', 'htm mismatch');
    if (proof['htu'] !== target.href) throw new Refusal(401, 'invalid_dpop_proof', 'htu mismatch');
    if (typeof proof.iat !== 'number' || Math.abs(Date.now() / 1000 - proof.iat) > IAT_WINDOW_S) throw new Refusal(401, 'invalid_dpop_proof', 'iat outside the window');
    if (typeof proof.jti !== 'string' || seenJtis.has(proof.jti)) throw new Refusal(401, 'invalid_dpop_proof', 'proof replayed (jti seen before)');
    seenJtis.add(proof.jti);
    if (proof['ath'] !== createHash('sha256').update(token).digest('base64url')) throw new Refusal(401, 'invalid_dpop_proof', 'ath mismatch');
    const cnf = claims['cnf'] as { jkt?: unknown } | undefined;
    if (cnf?.jkt !== record.proofJkt) throw new Refusal(401, 'invalid_token', 'token not bound to the proof key (cnf.jkt)');
    if (loop) nonce = newNonce();
    if (proof['nonce'] !== nonce) throw new Refusal(401, 'use_dpop_nonce', 'DPoP nonce required');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const proofHeader = req.headers['dpop'];
    const record: DpopRequestRecord = { method, url, authorization: req.headers.authorization, proof: typeof proofHeader === 'string' ? proofHeader : undefined, proofClaims: undefined, proofJkt: undefined, tokenClaims: undefined, status: 0 };
    requests.push(record);
    const route = findRoute(method, new URL(url, origin).pathname);
    if (route === undefined) {
      record.status = 404;
      send(res, { status: 404, body: { error: 'not_found' } });
      return;
    }
    try {
      const token = dpopToken(record.authorization);
      const claims = await verifyToken(token);
      record.tokenClaims = claims;
      await verifyProof(req, record, token, claims);
      const granted = grantedScopes(claims);
      if (route.scope !== undefined && !granted.has(route.scope)) throw new Refusal(403, 'insufficient_scope', `scope ${route.scope} required`);
      const reply = route.answer({ claims, body: method === 'POST' ? await readBody(req) : '', params: route.params });
      record.status = reply.status;
      send(res, reply);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      Object.assign(record, { status: error.status, error: error.code, errorDescription: error.description });
      const headers: Record<string, string> = { 'www-authenticate': `DPoP error="${error.code}", error_description="${error.description}", algs="ES256 PS256 RS256 EdDSA"` };
      if (error.code === 'use_dpop_nonce') headers['dpop-nonce'] = nonce;
      send(res, { status: error.status, body: { error: error.code, error_description: error.description } }, headers);
    }
  }

  const server = createServer(answering(handle, requests));
  const listener = await listenLocally(server);
  origin = `http://127.0.0.1:${listener.port}`;

  return {
    url: origin,
    requests,
    get nonce() {
      return nonce;
    },
    rotateNonce() {
      nonce = newNonce();
    },
    nonceLoop(on) {
      loop = on;
    },
    resetRequests() {
      requests.length = 0;
    },
    stop: listener.stop,
  };
}
