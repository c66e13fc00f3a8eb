/** Builds the strategy for an oauth2 or openIdConnect scheme from the credential the app passed. */
import type { AuthStrategy, OAuthFlowsSpec, SchemeSpec } from '../auth-strategy.js';
import { BearerAuth } from '../bearer-auth.js';
import { quoteScheme, requireAccessToken } from '../credential-checks.js';
import { AuthorizationCodeHelpers } from './authorization-code-flow.js';
import { ClientAuthenticator } from './client-auth.js';
import { resolveEndpoint } from './endpoint-url.js';
import { grantScopes, grantTokenParams, seedTokens } from './grant-options.js';
import { grantRunnerFor } from './grants.js';
import { inferFlow } from './infer-flow.js';
import { OAuth2Auth } from './oauth2-auth.js';
import { httpFor, type OAuthShared } from './oauth-environment.js';
import type { OAuthHttp } from './oauth-http.js';
import { SecretSet } from './secret-redaction.js';
import { endpointsFromMetadata, type Endpoints } from './server-metadata.js';
import type { OAuthClient } from './token-endpoint.js';
import { TokenManager } from './token-manager.js';
import type { ClientIdentity, OAuthFlowName } from './types.js';

type OAuthSchemeSpec = Extract<SchemeSpec, { type: 'oauth2' | 'openIdConnect' }>;

// OpenID Connect providers say which grants they support in discovery, not in the spec.
const OPENID_FLOWS: ReadonlySet<OAuthFlowName> = new Set(['clientCredentials', 'password', 'authorizationCode', 'deviceAuthorization']);

function declaredFlows(spec: OAuthSchemeSpec, scheme: string): ReadonlySet<OAuthFlowName> {
  if (spec.type === 'openIdConnect') return OPENID_FLOWS;
  if (typeof spec.flows !== 'object' || spec.flows === null) throw new TypeError(`security scheme ${quoteScheme(scheme)}: oauth2 needs flows`);
  const names: OAuthFlowName[] = ['clientCredentials', 'password', 'authorizationCode', 'implicit', 'deviceAuthorization'];
  return new Set(names.filter((name) => spec.flows[name] !== undefined));
}

/** The endpoints the spec gives for one flow, resolved now so a bad URL fails at construction. */
function specEndpoints(flows: OAuthFlowsSpec, flow: OAuthFlowName, shared: OAuthShared, scheme: string): Endpoints {
  const declared: Partial<Record<'tokenUrl' | 'refreshUrl' | 'authorizationUrl' | 'deviceAuthorizationUrl', string | undefined>> = flows[flow] ?? {};
  const resolve = (raw: string | undefined, what: string) =>
    raw === undefined || raw === '' ? undefined : resolveEndpoint(raw, shared.baseUrl, what, scheme, shared.allowInsecureHttp);
  return {
    tokenUrl: resolve(declared.tokenUrl, 'tokenUrl'),
    refreshUrl: resolve(declared.refreshUrl, 'refreshUrl'),
    authorizationUrl: resolve(declared.authorizationUrl, 'authorizationUrl'),
    deviceAuthorizationUrl: resolve(declared.deviceAuthorizationUrl, 'deviceAuthorizationUrl'),
  };
}

function endpointSource(spec: OAuthSchemeSpec, flow: OAuthFlowName, shared: OAuthShared, http: OAuthHttp): () => Promise<Endpoints> {
  const scheme = http.scheme;
  const fromSpec = spec.type === 'oauth2' ? specEndpoints(spec.flows, flow, shared, scheme) : {};
  const metadataUrl = spec.type === 'oauth2' ? spec.metadataUrl : spec.url;
  if (metadataUrl === undefined || metadataUrl === '') return () => Promise.resolve(fromSpec);
  const what = spec.type === 'oauth2' ? 'oauth2MetadataUrl' : 'openIdConnectUrl';
  const url = resolveEndpoint(metadataUrl, shared.baseUrl, what, scheme, shared.allowInsecureHttp);
  return async () => endpointsFromMetadata(http, await shared.metadata.load(http, url), fromSpec, shared.allowInsecureHttp);
}

export function createOAuth2Strategy(scheme: string, spec: OAuthSchemeSpec, credential: unknown, shared: OAuthShared): AuthStrategy {
  const flow = inferFlow(credential, declaredFlows(spec, scheme), scheme);
  if (flow === 'implicit') return new BearerAuth(scheme, requireAccessToken(credential, scheme));
  const grant = credential as ClientIdentity;
  const http = httpFor(shared, scheme, schemeSecrets(grant));
  const oauth: OAuthClient = {
    http,
    client: new ClientAuthenticator(grant, scheme),
    endpoints: endpointSource(spec, flow, shared, http),
    tokenParams: grantTokenParams(grant, scheme),
  };
  const tokens = new TokenManager({
    scheme,
    store: shared.store,
    onTokens: shared.onTokens,
    now: shared.now,
    source: grantRunnerFor(flow, oauth, grant),
    seed: flow === 'authorizationCode' ? seedTokens(grant, scheme) : undefined,
  });
  const authorizationCode = flow === 'authorizationCode' ? new AuthorizationCodeHelpers(oauth, tokens, optionalRedirectUri(grant, scheme), spec.type === 'openIdConnect') : undefined;
  return new OAuth2Auth(scheme, { flow, tokens, scopes: grantScopes(grant, scheme), authorizationCode, now: shared.now });
}

/** What this scheme holds that no error may show, whatever a server echoes. */
function schemeSecrets(grant: ClientIdentity): SecretSet {
  const secrets = new SecretSet();
  secrets.add(grant.clientSecret);
  secrets.add(Reflect.get(grant, 'password'));
  secrets.add(Reflect.get(grant, 'refreshToken'));
  secrets.add(Reflect.get(grant, 'accessToken'));
  secrets.addPrivateKey(grant.privateKey);
  return secrets;
}

function optionalRedirectUri(grant: object, scheme: string): string | undefined {
  const value: unknown = Reflect.get(grant, 'redirectUri');
  if (value !== undefined && typeof value !== 'string') throw new TypeError(`security scheme ${quoteScheme(scheme)}: redirectUri must be a string`);
  return value;
}
