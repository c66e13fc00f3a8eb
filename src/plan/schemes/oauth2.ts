import type { OAuth2Scheme, OAuthFlow, OAuthFlowName, OpenIdConnectScheme } from '../../model/index.js';
import { mdCode, mdInline } from '../../readme/markdown.js';
import type { OAuthFlowsSpec } from '../../runtime/auth-strategy.js';
import type { CredentialKind, SchemeFamily } from './scheme-family.js';

/** Every OAuth 2.0 and OpenID Connect scheme also takes a token obtained elsewhere. */
const IMPLICIT_GRANT: CredentialKind = {
  type: 'ImplicitGrant',
  sample: {
    title: 'a token obtained elsewhere',
    value: "{ flow: 'implicit', accessToken: '<access token>' }, // accessToken may be a function, called per request",
    shape: "`{ flow?: 'implicit', accessToken }`: a token your application obtained itself.",
  },
};

/**
 * Every OAuth 2.0 and OpenID Connect scheme also takes the JWT bearer grant (RFC 7523): a Google
 * service-account key, a key to sign assertions with, or an assertion made elsewhere.
 */
const JWT_BEARER: CredentialKind = {
  type: 'JwtBearerCredentials',
  sample: {
    title: 'service account (JWT bearer grant)',
    setup: "import { readFileSync } from 'node:fs';",
    value: "{ serviceAccount: JSON.parse(readFileSync('service-account.json', 'utf8')), subject: undefined }, // subject: a user to act for (domain-wide delegation)",
    shape:
      "the JWT bearer grant (RFC 7523): `{ serviceAccount, scopes?, subject? }` with a parsed Google service-account JSON key (an RS256 assertion signed for its `token_uri`), `{ jwtBearer: { issuer, subject?, audience?, privateKey, keyId?, algorithm?, claims? }, tokenUrl? }` for other providers (Salesforce, DocuSign, Box, Zoom), or `{ assertion: string | () => string | Promise<string>, tokenUrl? }` for an assertion made elsewhere. Tokens are cached and renewed like the others; `dpop` binds them to a key as for the other grants.",
  },
};

/** Per flow, in the order the credential union lists them: the runtime grant type and how the docs name the flow. */
const FLOWS: ReadonlyArray<{ flow: OAuthFlowName; grant: CredentialKind; summary: string; readme: string }> = [
  {
    flow: 'clientCredentials',
    summary: 'client credentials',
    readme: 'client credentials',
    grant: {
      type: 'ClientCredentialsGrant',
      sample: {
        title: 'client credentials flow',
        value: "{ flow: 'clientCredentials', clientId: '<client id>', clientSecret: process.env.CLIENT_SECRET },",
        shape:
          "`{ flow?: 'clientCredentials', clientId, clientSecret?, scopes?, tokenParams? }` (or `privateKey` for `private_key_jwt`); the client requests tokens from the token URL itself. `scopes` replaces the scopes each operation asks for. Every OAuth 2.0 credential also takes `tokenUrl`, `authorizationUrl`, `deviceAuthorizationUrl` and `issuer` (a discovery base), which replace the document's endpoints, `dpop` (`true`, or `{ privateKey, publicJwk }`: DPoP-bound tokens, RFC 9449), `resource` (RFC 8707 resource indicators, a URI or a list) and `clientCertificate: { fetch }` (RFC 8705: a fetch that presents the client's TLS certificate; token requests and API calls go through it, to the metadata's `mtls_endpoint_aliases`, and tokens are bound to the certificate; with `clientAuthMethod: 'tls_client_auth'` or `'self_signed_tls_client_auth'` the certificate alone authenticates the client).",
      },
    },
  },
  {
    flow: 'password',
    summary: 'password',
    readme: 'resource owner password',
    grant: {
      type: 'PasswordGrant',
      sample: {
        title: 'password flow',
        value: "{ flow: 'password', clientId: '<client id>', username: '<username>', password: '<password>' },",
        shape: "`{ flow?: 'password', clientId, clientSecret?, username, password, scopes? }`.",
      },
    },
  },
  {
    flow: 'authorizationCode',
    summary: 'authorization code (PKCE)',
    readme: 'authorization code',
    grant: {
      type: 'AuthorizationCodeGrant',
      sample: {
        title: 'authorization code flow (PKCE)',
        value: "{ flow: 'authorizationCode', clientId: '<client id>', redirectUri: 'https://app.example/callback', refreshToken: savedRefreshToken },",
        shape:
          "`{ flow?: 'authorizationCode', clientId, clientSecret?, redirectUri?, refreshToken?, accessToken?, expiresAt?, par? }`: the tokens of an earlier sign-in (e.g. restored from storage), which the client refreshes as needed. `authorizationUrl()` pushes the request first (RFC 9126) when the server metadata names a pushed authorization request endpoint, or always with `par: true`.",
      },
    },
  },
  {
    flow: 'deviceAuthorization',
    summary: 'device authorization',
    readme: 'device authorization',
    grant: {
      type: 'DeviceAuthorizationGrant',
      sample: {
        title: 'device authorization flow',
        value: "{\n  flow: 'deviceAuthorization',\n  clientId: '<client id>',\n  onUserCode: ({ verificationUri, userCode }) => console.log(`Open ${verificationUri} and enter ${userCode}`),\n},",
        shape: "`{ flow?: 'deviceAuthorization', clientId, onUserCode, scopes? }`: `onUserCode` shows the user where to go and which code to enter; the token request waits for them.",
      },
    },
  },
  { flow: 'implicit', summary: 'implicit (a token obtained elsewhere)', readme: 'implicit', grant: IMPLICIT_GRANT },
];

/** The README lists flows in this order (the model's), the credential union in FLOWS order. */
const README_ORDER: readonly OAuthFlowName[] = ['clientCredentials', 'password', 'authorizationCode', 'deviceAuthorization', 'implicit'];

function declaredFlows(scheme: OAuth2Scheme) {
  return FLOWS.filter(({ flow }) => scheme.flows[flow] !== undefined);
}

/**
 * A scheme that names no token endpoint (implicit only, as Azure's documents declare it at a
 * multi-tenant URL) still runs client credentials at the `tokenUrl` the credential names.
 */
function credentialKinds(scheme: OAuth2Scheme): CredentialKind[] {
  const declared = declaredFlows(scheme);
  const namesTokenEndpoint = declared.some(({ flow }) => flow !== 'implicit');
  const clientCredentials = FLOWS[0]!.grant;
  return [...new Set([...declared.map((f) => f.grant), ...(namesTokenEndpoint ? [] : [clientCredentials]), IMPLICIT_GRANT, JWT_BEARER])];
}

/** For implicit-only documents: how a service authenticates anyway. */
function implicitOnlyNote(flows: OAuth2Scheme['flows']): string {
  const names = Object.keys(flows);
  if (names.length !== 1 || names[0] !== 'implicit') return '';
  const sample = "{ clientId: '<client id>', clientSecret: process.env.CLIENT_SECRET, tokenUrl: 'https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token', scopes: ['https://management.azure.com/.default'] }";
  return `\n\nThe document declares only the implicit flow, whose token a browser obtains. A service can still authenticate: name your token endpoint in the credential and the client runs client credentials there (Azure, for instance):\n\n\`\`\`ts\n${sample}\n\`\`\``;
}

/** The flows in the runtime's FLOW_ORDER: clientCredentials() takes another flow's token URL in the order they are listed. */
function flowsSpec(flows: OAuth2Scheme['flows']): OAuthFlowsSpec {
  const spec: OAuthFlowsSpec = {};
  const { clientCredentials, password, authorizationCode, deviceAuthorization, implicit } = flows;
  if (clientCredentials) spec.clientCredentials = tokenEndpoint(clientCredentials);
  if (password) spec.password = tokenEndpoint(password);
  if (authorizationCode) spec.authorizationCode = { authorizationUrl: authorizationCode.authorizationUrl ?? '', ...tokenEndpoint(authorizationCode) };
  if (deviceAuthorization) spec.deviceAuthorization = { deviceAuthorizationUrl: deviceAuthorization.deviceAuthorizationUrl ?? '', ...tokenEndpoint(deviceAuthorization) };
  if (implicit) spec.implicit = { authorizationUrl: implicit.authorizationUrl ?? '' };
  return spec;
}

/** The token endpoint part of a flow, in the order the client literal lists it; no scopes, which the runtime never reads (OAuthFlowsSpec). */
function tokenEndpoint(flow: OAuthFlow) {
  return { tokenUrl: flow.tokenUrl ?? '', refreshUrl: flow.refreshUrl };
}

/** `type: oauth2`: tokens fetched, cached and refreshed by the client for every flow but implicit. */
export const oauth2: SchemeFamily<OAuth2Scheme> = {
  id: 'oauth2',
  claims: (scheme): scheme is OAuth2Scheme => scheme.kind === 'oauth2',
  factory: 'oauth2Strategies',
  spec: (scheme) => ({ type: 'oauth2', flows: flowsSpec(scheme.flows), metadataUrl: scheme.metadataUrl }),
  credentials: credentialKinds,
  credentialKind: () => 'oauth2',
  // clientCredentials() where the scheme takes that grant (declared, or at a tokenUrl of one's own);
  // listed first (the README's Core sample uses the first) only where the document names its token
  // endpoint: elsewhere the sample's credential would need a tokenUrl of its own.
  builders: (scheme) => {
    const takesGrant = credentialKinds(scheme).includes(FLOWS[0]!.grant);
    if (!takesGrant) return ['bearer'];
    return scheme.flows.clientCredentials === undefined ? ['bearer', 'clientCredentials'] : ['clientCredentials', 'bearer'];
  },
  // Every oauth2 credential union holds a token-fetching grant (the JWT bearer grant at least; client
  // credentials for implicit-only schemes), so every client with one takes the token options.
  managesTokens: () => true,
  signsIn: (scheme) => scheme.flows.authorizationCode !== undefined,
  summary: (scheme) => {
    const declared = declaredFlows(scheme);
    const words = declared.length ? declared.map((f) => f.summary).join(', ') : 'a token obtained elsewhere';
    return `OAuth 2.0 (${words}); tokens fetched, cached and refreshed by the client.`;
  },
  kind: () => 'OAuth 2.0',
  about: (scheme) => {
    const flows = README_ORDER.flatMap((name) => {
      const flow = scheme.flows[name];
      if (!flow) return [];
      const urls = [
        flow.authorizationUrl ? `authorization ${mdCode(flow.authorizationUrl)}` : '',
        flow.deviceAuthorizationUrl ? `device authorization ${mdCode(flow.deviceAuthorizationUrl)}` : '',
        flow.tokenUrl ? `token ${mdCode(flow.tokenUrl)}` : '',
        flow.refreshUrl ? `refresh ${mdCode(flow.refreshUrl)}` : '',
      ].filter(Boolean);
      const scopes = Object.entries(flow.scopes).map(([scope, about]) => `${mdCode(scope)}${about ? ` (${mdInline(about)})` : ''}`);
      const words = FLOWS.find((f) => f.flow === name)!.readme;
      return [`- ${words}: ${urls.join(', ') || 'no URLs declared'}${scopes.length ? `; scopes: ${scopes.join(', ')}` : ''}`];
    });
    const metadata = scheme.metadataUrl ? ` Authorization server metadata: ${mdCode(scheme.metadataUrl)}.` : '';
    return `OAuth 2.0; the token is sent as \`Authorization: Bearer <token>\`.${metadata}${flows.length ? `\n\n${flows.join('\n')}` : ''}${implicitOnlyNote(scheme.flows)}`;
  },
};

/** `type: openIdConnect`: endpoints from discovery; the client runs the same grants as for OAuth 2.0. */
export const openIdConnect: SchemeFamily<OpenIdConnectScheme> = {
  id: 'openIdConnect',
  claims: (scheme): scheme is OpenIdConnectScheme => scheme.kind === 'openIdConnect',
  factory: 'oauth2Strategies',
  spec: (scheme) => ({ type: 'openIdConnect', url: scheme.openIdConnectUrl }),
  credentials: () => [
    {
      type: 'OpenIdConnectCredentials',
      sample: {
        title: 'OpenID Connect',
        value: "{ flow: 'clientCredentials', clientId: '<client id>', clientSecret: process.env.CLIENT_SECRET },",
        shape: 'a client credentials, password or authorization code grant (the same shapes as for OAuth 2.0); endpoints come from the discovery document.',
      },
    },
    IMPLICIT_GRANT,
    JWT_BEARER,
  ],
  credentialKind: () => 'oauth2',
  builders: () => ['clientCredentials', 'bearer'],
  managesTokens: () => true,
  signsIn: () => true,
  summary: (scheme) => `OpenID Connect: endpoints from discovery at \`${scheme.openIdConnectUrl}\`; tokens fetched and refreshed by the client.`,
  kind: () => 'OpenID Connect',
  about: (scheme) =>
    `OpenID Connect; endpoints come from the discovery document at ${mdCode(scheme.openIdConnectUrl)}, and the token is sent as \`Authorization: Bearer <token>\`.`,
};
