import type { OAuthFlow, OAuthFlowName, SecurityScheme } from '../model/index.js';
import type { LiteralValue } from './literal.js';

/** How one security scheme appears in the generated client. */
export interface SchemeView {
  /** The runtime's description of the scheme (a `SchemeSpec`), as data. */
  spec: LiteralValue;
  /** TypeScript type of the credential the `auth` option takes for it (runtime type names, `|`-joined). */
  credentialType: string;
  /** The runtime type names `credentialType` uses, for the client's imports. */
  credentialImports: string[];
  /** One line saying what the credential is and where it goes. */
  summary: string;
  /** True for schemes whose tokens the client fetches and refreshes itself. */
  managesTokens: boolean;
  /** The runtime's strategy factory for the scheme (a `StrategyFactory` export). */
  factory: StrategyFactoryName;
}

/** Strategy factories in the order a client must try them: specific HTTP schemes before the catch-all. */
export const FACTORY_ORDER = ['digestStrategies', 'oauth1Strategies', 'oauth2Strategies', 'mtlsStrategies', 'sigv4Strategies', 'staticStrategies'] as const;
export type StrategyFactoryName = (typeof FACTORY_ORDER)[number];

/** Runtime credential type per OAuth 2.0 flow, in the order the union lists them. */
const FLOW_GRANTS: ReadonlyArray<readonly [OAuthFlowName, string]> = [
  ['clientCredentials', 'ClientCredentialsGrant'],
  ['password', 'PasswordGrant'],
  ['authorizationCode', 'AuthorizationCodeGrant'],
  ['deviceAuthorization', 'DeviceAuthorizationGrant'],
  ['implicit', 'ImplicitGrant'],
];

const FLOW_WORDS: Record<OAuthFlowName, string> = {
  clientCredentials: 'client credentials',
  password: 'password',
  authorizationCode: 'authorization code (PKCE)',
  deviceAuthorization: 'device authorization',
  implicit: 'implicit (a token obtained elsewhere)',
};

function single(type: string, summary: string, spec: LiteralValue, factory: StrategyFactoryName, managesTokens = false): SchemeView {
  return { spec, credentialType: type, credentialImports: [type], summary, managesTokens, factory };
}

export function schemeView(scheme: SecurityScheme): SchemeView {
  switch (scheme.kind) {
    case 'apiKey':
      return single('TokenSource', `API key sent in the ${scheme.in} \`${scheme.paramName}\`.`, { type: 'apiKey', in: scheme.in, name: scheme.paramName }, 'staticStrategies');
    case 'http':
      return httpView(scheme.scheme, scheme.bearerFormat);
    case 'oauth2':
      return oauth2View(scheme.flows, scheme.metadataUrl);
    case 'openIdConnect':
      return {
        ...single(
        'OpenIdConnectCredentials',
        `OpenID Connect: endpoints from discovery at \`${scheme.openIdConnectUrl}\`; tokens fetched and refreshed by the client.`,
        { type: 'openIdConnect', url: scheme.openIdConnectUrl },
        'oauth2Strategies',
        true,
        ),
        credentialType: 'OpenIdConnectCredentials | ImplicitGrant | JwtBearerCredentials',
        credentialImports: ['OpenIdConnectCredentials', 'ImplicitGrant', 'JwtBearerCredentials'],
      };
    case 'mutualTLS':
      return single('MutualTlsCredentials', 'Mutual TLS: a client certificate and key, presented through a TLS-configured `fetch`.', { type: 'mutualTLS' }, 'mtlsStrategies');
    case 'awsSigV4':
      return single(
        'AwsSigV4Credentials',
        `AWS Signature Version 4${scheme.s3 ? ' (S3 rules)' : ''}: every request signed with an access key, or with temporary credentials from a provider function.`,
        { type: 'awsSigV4', s3: scheme.s3 || undefined, service: scheme.signingName, region: scheme.region },
        'sigv4Strategies',
      );
  }
}

function httpView(httpScheme: string, bearerFormat: string | undefined): SchemeView {
  const spec = { type: 'http', scheme: httpScheme };
  switch (httpScheme) {
    case 'basic':
      return single('BasicCredentials', 'HTTP Basic authentication: username and password.', spec, 'staticStrategies');
    case 'bearer':
      return single('TokenSource', `Bearer token${bearerFormat ? ` (${bearerFormat})` : ''}, sent as \`Authorization: Bearer <token>\`.`, spec, 'staticStrategies');
    case 'digest':
      return single('DigestCredentials', 'HTTP Digest authentication (RFC 7616): username and password, answered to the server\'s challenge.', spec, 'digestStrategies');
    case 'oauth':
      return single('OAuth1Credentials', 'OAuth 1.0a (RFC 5849): every request signed with the consumer key and secret (and token).', spec, 'oauth1Strategies');
    default:
      return single('TokenSource', `HTTP \`${httpScheme}\` authentication: the credential is sent as \`Authorization: ${httpScheme} <credential>\`.`, spec, 'staticStrategies');
  }
}

function oauth2View(flows: Partial<Record<OAuthFlowName, OAuthFlow>>, metadataUrl: string | undefined): SchemeView {
  const declared = FLOW_GRANTS.filter(([flow]) => flows[flow] !== undefined);
  const spec: Record<string, LiteralValue> = {};
  for (const [flow] of declared) spec[flow] = flowSpec(flow, flows[flow]!);
  // Every OAuth 2.0 scheme also takes a token obtained elsewhere (`{ accessToken }`) and the JWT
  // bearer grant. One that names no token endpoint (implicit only, as Azure's) runs client
  // credentials at the tokenUrl the credential names.
  const namesTokenEndpoint = declared.some(([flow]) => flow !== 'implicit');
  const grants = [...new Set([...declared.map(([, type]) => type), ...(namesTokenEndpoint ? [] : ['ClientCredentialsGrant']), 'ImplicitGrant', 'JwtBearerCredentials'])];
  const words = declared.length ? declared.map(([flow]) => FLOW_WORDS[flow]).join(', ') : 'a token obtained elsewhere';
  return {
    spec: { type: 'oauth2', flows: spec, metadataUrl },
    credentialType: grants.join(' | '),
    credentialImports: grants,
    summary: `OAuth 2.0 (${words}); tokens fetched, cached and refreshed by the client.`,
    managesTokens: declared.some(([flow]) => flow !== 'implicit'),
    factory: 'oauth2Strategies',
  };
}

function flowSpec(flow: OAuthFlowName, f: OAuthFlow): LiteralValue {
  return {
    authorizationUrl: flow === 'authorizationCode' || flow === 'implicit' ? (f.authorizationUrl ?? '') : undefined,
    deviceAuthorizationUrl: flow === 'deviceAuthorization' ? (f.deviceAuthorizationUrl ?? '') : undefined,
    tokenUrl: flow === 'implicit' ? undefined : (f.tokenUrl ?? ''),
    refreshUrl: flow === 'implicit' ? undefined : f.refreshUrl,
    scopes: Object.keys(f.scopes),
  };
}
