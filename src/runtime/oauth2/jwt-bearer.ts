/**
 * The JWT bearer grant (RFC 7523 §2.1): the client signs an assertion about itself (or about a user
 * it acts for) and trades it for an access token. Google service accounts, Salesforce, DocuSign,
 * Box, Zoom and workload identity federation use it. Keys live in private fields and never reach
 * a message.
 */
import { quoteScheme } from '../credential-checks.js';
import type { PrivateKeyInput, SigningKey } from './client-assertion.js';
import { randomToken } from './encoding.js';
import { loadSigning } from './lazy-modules.js';
import { resolveEndpoint } from './endpoint-url.js';
import type { EndpointOverrides } from './endpoint-overrides.js';
import type { DpopProver } from './dpop.js';
import { postWithDpop } from './dpop-token-request.js';
import type { OAuthHttp } from './oauth-http.js';
import type { Endpoints } from './server-metadata.js';
import { TokenError } from './token-error.js';
import { parseTokenResponse } from './token-set.js';
import type { GrantRunner } from './token-manager.js';
import type { ClientAssertionAlg, DpopKey, TokenSet } from './types.js';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token';
// Google's maximum, and what its own libraries use.
const ASSERTION_LIFETIME_SECONDS = 3600;

/** A Google service-account JSON key, parsed (the fields the grant uses; the rest is ignored). */
export interface ServiceAccountKey {
  client_email: string;
  /** PKCS#8 PEM. */
  private_key: string;
  private_key_id?: string | undefined;
  /** Default: https://oauth2.googleapis.com/token. */
  token_uri?: string | undefined;
}

/** What every JWT bearer credential may add: endpoint overrides and DPoP. */
export interface JwtBearerOptions extends EndpointOverrides {
  /** DPoP (RFC 9449) as for the other grants: a proof on every token request, DPoP-bound tokens. */
  dpop?: boolean | DpopKey | undefined;
}

export interface ServiceAccountGrant extends JwtBearerOptions {
  serviceAccount: ServiceAccountKey;
  /** Sent in the assertion's `scope`; default: each operation's scopes. */
  scopes?: readonly string[] | undefined;
  /** The user to act for (domain-wide delegation): the assertion's `sub`. */
  subject?: string | undefined;
}

export interface JwtBearerAssertion {
  /** `iss`: who signs (a client id, a service account). */
  issuer: string;
  /** `sub`: the principal the token is for; default: the issuer. */
  subject?: string | undefined;
  /** `aud`; default: the token endpoint URL. */
  audience?: string | undefined;
  privateKey: PrivateKeyInput;
  /** `kid` header. */
  keyId?: string | undefined;
  /** Default: from the key (RSA → RS256, EC P-256 → ES256, Ed25519 → EdDSA). */
  algorithm?: ClientAssertionAlg | undefined;
  /** More claims (e.g. `scope` for Zoom, `box_sub_type` for Box); cannot replace iss, sub, aud, iat, exp, jti. */
  claims?: Readonly<Record<string, unknown>> | undefined;
}

export interface JwtBearerGrant extends JwtBearerOptions {
  jwtBearer: JwtBearerAssertion;
  /** Sent as the token request's `scope`; default: each operation's scopes. */
  scopes?: readonly string[] | undefined;
  tokenParams?: Record<string, string> | undefined;
}

/** An assertion made elsewhere (e.g. a workload identity token), or a function called for each token request. */
export interface AssertionGrant extends JwtBearerOptions {
  assertion: string | (() => string | Promise<string>);
  scopes?: readonly string[] | undefined;
  tokenParams?: Record<string, string> | undefined;
}

export type JwtBearerCredentials = ServiceAccountGrant | JwtBearerGrant | AssertionGrant;

const SHAPES = ['serviceAccount', 'jwtBearer', 'assertion'] as const;

function field(value: object, name: string): unknown {
  return Object.hasOwn(value, name) ? Reflect.get(value, name) : undefined;
}

/** Whether the credential asks for this grant (it has one of serviceAccount, jwtBearer, assertion). */
export function isJwtBearerCredential(credential: unknown): credential is JwtBearerCredentials {
  return typeof credential === 'object' && credential !== null && SHAPES.some((name) => field(credential, name) !== undefined);
}

function requireText(value: unknown, name: string, scheme: string): string {
  if (typeof value !== 'string' || value === '') throw new TypeError(`security scheme ${quoteScheme(scheme)}: ${name} must be a non-empty string`);
  return value;
}

function optionalText(value: unknown, name: string, scheme: string): string | undefined {
  return value === undefined ? undefined : requireText(value, name, scheme);
}

/** Makes the assertion for one token request, given the token endpoint and the scopes. */
type AssertionMaker = (tokenUrl: URL, scopes: readonly string[], nowMs: number) => Promise<string>;

interface Plan {
  makeAssertion: AssertionMaker;
  /** The token endpoint the credential itself fixes (service account `token_uri`), if any. */
  tokenUri: string | undefined;
  /** Scopes travel in the assertion (Google) rather than in the form. */
  scopesInAssertion: boolean;
}

/** Imports a key once; a failure is not kept, and its message names the field, never the key. */
function keyLoader(input: PrivateKeyInput, alg: ClientAssertionAlg | undefined, kid: string | undefined, scheme: string, name: string): () => Promise<SigningKey> {
  let loading: Promise<SigningKey> | undefined;
  return () => {
    loading ??= loadSigning().then((signing) => signing.importSigningKey(input, alg, kid, scheme)).catch(() => {
      loading = undefined;
      throw new TypeError(`security scheme ${quoteScheme(scheme)}: ${name} is not a usable ${alg ?? 'RSA, P-256 or Ed25519'} private key (PKCS#8 PEM, JWK or CryptoKey)`);
    });
    return loading;
  };
}

function serviceAccountPlan(grant: ServiceAccountGrant, scheme: string): Plan {
  const key: unknown = grant.serviceAccount;
  if (typeof key !== 'object' || key === null) throw new TypeError(`security scheme ${quoteScheme(scheme)}: serviceAccount must be the parsed service-account JSON key`);
  const email = requireText(field(key, 'client_email'), 'serviceAccount.client_email', scheme);
  const pem = requireText(field(key, 'private_key'), 'serviceAccount.private_key', scheme);
  const kid = optionalText(field(key, 'private_key_id'), 'serviceAccount.private_key_id', scheme);
  const tokenUri = optionalText(field(key, 'token_uri'), 'serviceAccount.token_uri', scheme) ?? GOOGLE_TOKEN_URI;
  const subject = optionalText(field(grant, 'subject'), 'subject', scheme);
  const signingKey = keyLoader(pem, 'RS256', kid, scheme, 'serviceAccount.private_key');
  return {
    tokenUri,
    scopesInAssertion: true,
    // The claim set Google documents for "Preparing to make an authorized API call" (OAuth 2.0 for server to server).
    makeAssertion: async (tokenUrl, scopes, nowMs) => {
      const iat = Math.floor(nowMs / 1000);
      const claims = { iss: email, ...(subject === undefined ? {} : { sub: subject }), aud: tokenUrl.href, scope: [...new Set(scopes)].join(' '), iat, exp: iat + ASSERTION_LIFETIME_SECONDS };
      return (await loadSigning()).signJwt(await signingKey(), claims);
    },
  };
}

function jwtBearerPlan(grant: JwtBearerGrant, scheme: string): Plan {
  const options: unknown = grant.jwtBearer;
  if (typeof options !== 'object' || options === null) throw new TypeError(`security scheme ${quoteScheme(scheme)}: jwtBearer must be an object`);
  const issuer = requireText(field(options, 'issuer'), 'jwtBearer.issuer', scheme);
  const subject = optionalText(field(options, 'subject'), 'jwtBearer.subject', scheme) ?? issuer;
  const audience = optionalText(field(options, 'audience'), 'jwtBearer.audience', scheme);
  const kid = optionalText(field(options, 'keyId'), 'jwtBearer.keyId', scheme);
  const algorithm = field(options, 'algorithm');
  if (algorithm !== undefined && algorithm !== 'RS256' && algorithm !== 'PS256' && algorithm !== 'ES256' && algorithm !== 'EdDSA') throw new TypeError(`security scheme ${quoteScheme(scheme)}: jwtBearer.algorithm must be RS256, PS256, ES256 or EdDSA`);
  const privateKey = field(options, 'privateKey');
  if (privateKey === undefined || privateKey === null || (typeof privateKey !== 'string' && typeof privateKey !== 'object')) throw new TypeError(`security scheme ${quoteScheme(scheme)}: jwtBearer.privateKey must be a PKCS#8 PEM, a JWK or a CryptoKey`);
  const extra = field(options, 'claims');
  if (extra !== undefined && (typeof extra !== 'object' || extra === null)) throw new TypeError(`security scheme ${quoteScheme(scheme)}: jwtBearer.claims must be an object`);
  const signingKey = keyLoader(privateKey as PrivateKeyInput, algorithm as ClientAssertionAlg | undefined, kid, scheme, 'jwtBearer.privateKey');
  return {
    tokenUri: undefined,
    scopesInAssertion: false,
    makeAssertion: async (tokenUrl, _scopes, nowMs) => {
      const iat = Math.floor(nowMs / 1000);
      // RFC 7523 §3: iss, sub, aud, exp required; jti keeps a captured assertion from being replayed.
      const claims = { ...(extra as Record<string, unknown> | undefined), iss: issuer, sub: subject, aud: audience ?? tokenUrl.href, iat, exp: iat + ASSERTION_LIFETIME_SECONDS, jti: randomToken(16) };
      return (await loadSigning()).signJwt(await signingKey(), claims);
    },
  };
}

function assertionPlan(grant: AssertionGrant, scheme: string): Plan {
  const source: unknown = grant.assertion;
  if (typeof source !== 'function') requireText(source, 'assertion', scheme);
  return {
    tokenUri: undefined,
    scopesInAssertion: false,
    makeAssertion: async () => {
      const made: unknown = typeof source === 'function' ? await (source as () => unknown)() : source;
      if (typeof made !== 'string' || made === '') throw new TypeError(`security scheme ${quoteScheme(scheme)}: the assertion function did not return a non-empty string`);
      return made;
    },
  };
}

function planFor(credential: JwtBearerCredentials, scheme: string): Plan {
  if (field(credential, 'serviceAccount') !== undefined) return serviceAccountPlan(credential as ServiceAccountGrant, scheme);
  if (field(credential, 'jwtBearer') !== undefined) return jwtBearerPlan(credential as JwtBearerGrant, scheme);
  return assertionPlan(credential as AssertionGrant, scheme);
}

export interface JwtBearerContext {
  http: OAuthHttp;
  baseUrl: string | undefined;
  allowInsecureHttp: boolean;
  /** The document's (or discovery's) endpoints, overrides applied. */
  endpoints: () => Promise<Endpoints>;
  overrides: EndpointOverrides;
  tokenParams: Readonly<Record<string, string>>;
  /** With DPoP on: a proof on every token request, the server's nonces answered once. */
  dpop?: DpopProver | undefined;
}

/**
 * The token source of a JWT bearer credential. The token endpoint: the credential's tokenUrl
 * override, else the service account's token_uri, else the document's; https except loopback.
 */
export function jwtBearerRunner(credential: JwtBearerCredentials, scheme: string, context: JwtBearerContext): GrantRunner {
  const plan = planFor(credential, scheme);
  const fixed = context.overrides.tokenUrl ?? plan.tokenUri;
  const fixedUrl = fixed === undefined ? undefined : resolveEndpoint(fixed, context.baseUrl, 'tokenUrl', scheme, context.allowInsecureHttp);
  const tokenUrl = async (): Promise<URL> => {
    const url = fixedUrl ?? (await context.endpoints()).tokenUrl;
    if (url === undefined) {
      throw new TokenError({ scheme, error: 'invalid_response', errorDescription: 'no token endpoint is known for the JWT bearer grant: pass tokenUrl in the credential' });
    }
    return url;
  };
  const request = async (scopes: readonly string[]): Promise<TokenSet> => {
    const url = await tokenUrl();
    const json = await postWithDpop(
      context.http,
      url,
      context.dpop,
      async () => {
        const form = new URLSearchParams({ ...context.tokenParams, grant_type: JWT_BEARER_GRANT, assertion: await plan.makeAssertion(url, scopes, context.http.now()) });
        if (!plan.scopesInAssertion && scopes.length > 0) form.set('scope', [...new Set(scopes)].join(' '));
        return { form, headers: new Headers() };
      },
      'token endpoint',
      true,
    );
    const previous = scopes.length === 0 ? undefined : { scope: [...new Set(scopes)].join(' ') };
    return parseTokenResponse(json, scheme, context.http.now(), previous, context.dpop !== undefined, context.http.secrets.redactor());
  };
  // A new assertion is as good as a refresh token, and needs no state.
  return { request, refresh: (tokens) => request(tokens.scope === undefined ? [] : tokens.scope.split(' ')) };
}
