/**
 * The JWT bearer grant (RFC 7523 §2.1): the client signs an assertion about itself (or about a user
 * it acts for) and trades it for an access token. Google service accounts, Salesforce, DocuSign,
 * Box, Zoom and workload identity federation use it. Keys live in private fields and never reach
 * a message. Loaded with import() on the first token request (lazy-modules.ts); the credential's
 * shape was checked when the client was made (jwt-bearer-credential.ts), its fields are checked here
 * (jwt-bearer-check.ts) before anything is sent.
 */
import { randomToken } from './base64url.js';
import { importSigning } from './lazy-crypto.js';
import { quoteScheme$ as quoteScheme, requestTokens$ as requestTokens, scopeParam$ as scopeParam, tokenError } from './lazy-module-imports.js';
import type { PrivateKeyInput, SigningKey } from './client-assertion.js';
import type { EndpointOverrides } from './endpoint-overrides.js';
import type { DpopHandle } from './dpop-option.js';
import { checkJwtBearer, type JwtBearerPlan } from './jwt-bearer-check.js';
import type { JwtBearerShape } from './jwt-bearer-credential.js';
import type { OAuthHttp } from './oauth-http.js';
import type { Endpoints } from './server-metadata.js';
import type { SelfRefreshingRunner } from './token-manager.js';
import type { ClientAssertionAlg, ClientCertificate, DpopKey, TokenSet } from './types.js';


export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
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

/** What every JWT bearer credential may add: endpoint overrides, DPoP and a TLS client certificate. */
export interface JwtBearerOptions extends EndpointOverrides {
  /** DPoP (RFC 9449) as for the other grants: a proof on every token request, DPoP-bound tokens. */
  dpop?: boolean | DpopKey | undefined;
  /** RFC 8705 as for the other grants: token requests and API calls through this fetch, to the metadata's mTLS aliases; tokens bound to the certificate. */
  clientCertificate?: ClientCertificate | undefined;
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

/** Makes the assertion for one token request, given the token endpoint and the scopes. */
type AssertionMaker = (tokenUrl: URL, scopes: readonly string[], nowMs: number) => Promise<string>;

interface Plan {
  makeAssertion: AssertionMaker;
  /** Scopes travel in the assertion (Google) rather than in the form. */
  scopesInAssertion: boolean;
}

/** Imports a key once; a failure is not kept, and its message names the field, never the key. */
function keyLoader(input: PrivateKeyInput, alg: ClientAssertionAlg | undefined, kid: string | undefined, scheme: string, name: string): () => Promise<SigningKey> {
  let loading: Promise<SigningKey> | undefined;
  return () => {
    loading ??= importSigning().then((signing) => signing.importSigningKey(input, alg, kid, scheme)).catch(() => {
      loading = undefined;
      throw new TypeError(`security scheme ${quoteScheme(scheme)}: ${name} is not a usable ${alg ?? 'RSA, P-256 or Ed25519'} private key (PKCS#8 PEM, JWK or CryptoKey)`);
    });
    return loading;
  };
}

/** How the checked credential makes its assertions. */
function planFor(checked: JwtBearerPlan, scheme: string): Plan {
  switch (checked.kind) {
    case 'serviceAccount': {
      const { email, subject } = checked;
      const signingKey = keyLoader(checked.pem, 'RS256', checked.kid, scheme, 'serviceAccount.private_key');
      return {
        scopesInAssertion: true,
        // The claim set Google documents for "Preparing to make an authorized API call" (OAuth 2.0 for server to server).
        makeAssertion: async (tokenUrl, scopes, nowMs) => {
          const iat = Math.floor(nowMs / 1000);
          const claims = { iss: email, ...(subject === undefined ? {} : { sub: subject }), aud: tokenUrl.href, scope: [...new Set(scopes)].join(' '), iat, exp: iat + ASSERTION_LIFETIME_SECONDS };
          return (await importSigning()).signJwt(await signingKey(), claims);
        },
      };
    }
    case 'jwtBearer': {
      const { issuer, subject, audience, claims: extra } = checked;
      const signingKey = keyLoader(checked.privateKey, checked.algorithm, checked.kid, scheme, 'jwtBearer.privateKey');
      return {
        scopesInAssertion: false,
        makeAssertion: async (tokenUrl, _scopes, nowMs) => {
          const iat = Math.floor(nowMs / 1000);
          // RFC 7523 §3: iss, sub, aud, exp required; jti keeps a captured assertion from being replayed.
          const claims = { ...extra, iss: issuer, sub: subject, aud: audience ?? tokenUrl.href, iat, exp: iat + ASSERTION_LIFETIME_SECONDS, jti: randomToken(16) };
          return (await importSigning()).signJwt(await signingKey(), claims);
        },
      };
    }
    case 'assertion': {
      const { source } = checked;
      return {
        scopesInAssertion: false,
        makeAssertion: async () => {
          const made: unknown = typeof source === 'function' ? await source() : source;
          if (typeof made !== 'string' || made === '') throw new TypeError(`security scheme ${quoteScheme(scheme)}: the assertion function did not return a non-empty string`);
          return made;
        },
      };
    }
  }
}

export interface JwtBearerContext {
  /** Which of the grant's shapes the credential has (checked when the client was made). */
  shape: JwtBearerShape;
  http: OAuthHttp;
  /** The document's (or discovery's) endpoints, overrides applied. */
  endpoints: () => Promise<Endpoints>;
  /** The token endpoint the credential fixes (its tokenUrl override, else a service account's token_uri), resolved at construction. */
  fixedUrl: URL | undefined;
  tokenParams: Readonly<Record<string, string>>;
  /** With DPoP on: a proof on every token request, the server's nonces answered once. */
  dpop?: DpopHandle | undefined;
}

/**
 * The token source of a JWT bearer credential. The token endpoint: the credential's tokenUrl
 * override, else the service account's token_uri, else the document's; https except loopback.
 */
export function jwtBearerRunner(credential: JwtBearerCredentials, scheme: string, context: JwtBearerContext): SelfRefreshingRunner {
  const plan = planFor(checkJwtBearer(credential, context.shape, scheme), scheme);
  const tokenUrl = async (): Promise<URL> => {
    const url = context.fixedUrl ?? (await context.endpoints()).tokenUrl;
    if (url === undefined) {
      throw tokenError(scheme, 'invalid_response', 'no token endpoint is known for the JWT bearer grant: pass tokenUrl in the credential');
    }
    return url;
  };
  const request = async (scopes: readonly string[]): Promise<TokenSet> => {
    const url = await tokenUrl();
    const scope = scopeParam(scopes);
    // No client authentication: the assertion, made afresh for each attempt, is the grant.
    const client = { basicEncoding: undefined, authenticate: async (form: URLSearchParams) => form.set('assertion', await plan.makeAssertion(url, scopes, context.http.now())) };
    return requestTokens({ http: context.http, client, tokenParams: context.tokenParams, resources: [], dpop: context.dpop }, url, { grant_type: JWT_BEARER_GRANT, ...(plan.scopesInAssertion ? {} : scope) }, scope);
  };
  // A new assertion is as good as a refresh token, and needs no state.
  return { request, refresh: (tokens) => request(tokens.scope === undefined ? [] : tokens.scope.split(' ')) };
}
