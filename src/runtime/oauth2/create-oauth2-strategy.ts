/** Builds the strategy for an oauth2 or openIdConnect scheme from the credential the app passed. */
import type { AuthStrategy } from '../auth-strategy.js';
import { BearerAuth } from '../bearer-auth.js';
import { quoteScheme, requireAccessToken } from '../credential-checks.js';
import { loadOnce } from '../lazy-core-modules.js';
import { FLOW_ORDER, type EndpointOverrides } from './endpoint-overrides.js';
import { certificateEndpoints } from './client-certificate.js';
import { endpointSource, type OAuthSchemeSpec } from './endpoint-source.js';
import { resolveEndpoint } from './endpoint-url.js';
import { grantClient, grantParts, grantStrategy } from './grant-construction.js';
import { grantRunnerFor, type ManagedFlow } from './grants.js';
import { inferFlow } from './infer-flow.js';
import type { JwtBearerCredentials } from './jwt-bearer.js';
import { jwtBearerIdentity, jwtBearerShape, serviceAccountTokenUri } from './jwt-bearer-credential.js';
import { lazyAuthorizationCode } from './lazy-authorization-code.js';
import { loadJwtBearer } from './lazy-modules.js';
import type { OAuth2Grant } from './oauth2-auth.js';
import { BOOLEAN, checkOptions, EPOCH_MS, oneOf, schemeWhere, STRING, STRING_MAP, STRINGS, TEXT, type OptionKind } from './option-checks.js';
import type { OAuthShared } from './oauth-environment.js';
import { schemeFlows } from './scheme-flows.js';
import { seedTokens } from './seed-tokens.js';
import type { Endpoints } from './server-metadata.js';
import type { OAuthClient } from './token-endpoint.js';
import { unloaded } from './token-error.js';
import type { GrantRunner, SelfRefreshingRunner } from './token-manager.js';
import type { ClientIdentity, OAuthFlowName } from './types.js';

/** The options of a credential the construction reads, as OPTION_KINDS checked them. */
interface CredentialOptions extends EndpointOverrides {
  flow?: OAuthFlowName;
  scopes?: readonly string[];
  tokenParams?: Record<string, string>;
  redirectUri?: string;
  par?: boolean;
  refreshToken?: string;
  expiresAt?: number;
}

/**
 * What each option the construction reads must be, checked in one pass when the client is made
 * (the grants check the fields their flow requires, the authenticator the client's own, the JWT
 * bearer check its fields on the first token request). The endpoint overrides replace the document's.
 */
// Written out, not spread from the shared tables: a bundler keeps a spread (it may run getters)
// even in an app that never makes a plain credential.
const OPTION_KINDS: Readonly<Record<keyof CredentialOptions, OptionKind>> = {
  tokenUrl: TEXT,
  authorizationUrl: TEXT,
  deviceAuthorizationUrl: TEXT,
  issuer: TEXT,
  flow: /* @__PURE__ */ oneOf(FLOW_ORDER),
  scopes: STRINGS,
  tokenParams: STRING_MAP,
  redirectUri: STRING,
  par: BOOLEAN,
  refreshToken: STRING,
  expiresAt: EPOCH_MS,
};

/** A source loaded with the first token request (once; a failed load is tried again by the next one). */
function lazySource(load: () => Promise<SelfRefreshingRunner>): GrantRunner {
  const loaded = loadOnce(load);
  return { request: async (scopes, refused) => (await loaded()).request(scopes, refused), refresh: async (tokens) => (await loaded()).refresh(tokens) };
}

export function createOAuth2Strategy(scheme: string, spec: OAuthSchemeSpec, credential: unknown, shared: OAuthShared): AuthStrategy {
  const where = schemeWhere(scheme);
  // `{ serviceAccount }`, `{ jwtBearer }` or `{ assertion }`: the JWT bearer grant, whatever flows the scheme declares.
  // Its fields are checked with the first token request (jwt-bearer-check.ts, lazy).
  const what = `the credential for security scheme ${quoteScheme(scheme)}`;
  if (typeof credential !== 'object' || credential === null) throw new TypeError(`${what} must be an object (see its OAuth2 grant types)`);
  const jwt = jwtBearerShape(credential, scheme);
  const options: CredentialOptions = checkOptions(credential, OPTION_KINDS, where);
  const overrides = options;
  let flow: OAuth2Grant = 'jwtBearer';
  if (!jwt) {
    const { declared, usable } = schemeFlows(spec, overrides, where);
    flow = inferFlow(credential, declared, what, usable);
    if (flow === 'implicit') return new BearerAuth(scheme, requireAccessToken(credential, scheme));
  }
  const grant = credential as ClientIdentity;
  const parts = grantParts(grant, scheme, shared, options.tokenParams);
  const { http, posting, dpop, tokenParams } = parts;
  const certificate = !!parts.certificateFetch;
  // Resolved now, so a bad URL fails at construction; a JWT bearer credential reads them only
  // when it fixes no token endpoint itself, at its first token request.
  let found = jwt ? undefined : endpointSource(spec, flow as OAuthFlowName, overrides, shared, http, certificate);
  const known = async (): Promise<Endpoints> => (found ??= endpointSource(spec, 'clientCredentials', overrides, shared, http, certificate))();
  const endpoints = certificate ? certificateEndpoints(known, scheme) : known;
  let oauth: OAuthClient | undefined;
  let source: GrantRunner;
  if (jwt) {
    // The token endpoint a JWT bearer credential fixes itself (its tokenUrl, a service account's token_uri).
    const fixed = overrides.tokenUrl ?? (jwt === 'serviceAccount' ? serviceAccountTokenUri(grant) : undefined);
    const fixedUrl = fixed === undefined ? undefined : resolveEndpoint(fixed, where + 'tokenUrl', shared);
    if (certificate && fixedUrl && fixedUrl.protocol !== 'https:') throw new TypeError(`${where}tokenUrl must be https to present the client certificate`);
    // The signing and the token requests are loaded with the first token request.
    source = lazySource(async () => (await loadJwtBearer().catch(unloaded(scheme, 'the JWT bearer grant'))).jwtBearerRunner(credential as JwtBearerCredentials, scheme, { shape: jwt, http: posting, endpoints, fixedUrl, tokenParams, dpop }));
  } else {
    oauth = grantClient(parts, endpoints, grant, scheme, where);
    source = grantRunnerFor(flow as ManagedFlow, oauth, grant, where);
  }
  const code = flow === 'authorizationCode';
  return grantStrategy(
    scheme,
    shared,
    parts,
    {
      flow,
      clientId: oauth?.client.clientId ?? jwtBearerIdentity(grant, jwt!),
      source,
      seed: code ? seedTokens(grant, where, options.refreshToken, options.expiresAt) : undefined,
      authorizationCode: code ? (tokens) => lazyAuthorizationCode(oauth!, tokens, options.redirectUri, spec.type === 'openIdConnect', options.par) : undefined,
    },
    // The signed-in user's tokens: one set per scheme, stored under no scopes (authorization-code-flow.ts saves them so).
    code ? [] : options.scopes,
  );
}
