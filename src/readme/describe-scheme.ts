import type { OAuthFlowName, SecurityScheme } from '../model/index.js';
import { mdCode, mdInline } from './markdown.js';

const FLOW_NAMES: Record<OAuthFlowName, string> = {
  clientCredentials: 'client credentials',
  password: 'resource owner password',
  authorizationCode: 'authorization code',
  deviceAuthorization: 'device authorization',
  implicit: 'implicit',
};

/** What a scheme is and where its credential goes, in Markdown; spec values escaped. */
export function describeScheme(scheme: SecurityScheme): string {
  switch (scheme.kind) {
    case 'apiKey':
      return `An API key, sent in the ${scheme.in} ${mdCode(scheme.paramName)}.`;
    case 'http':
      return describeHttp(scheme.scheme, scheme.bearerFormat);
    case 'oauth2': {
      const flows = (Object.keys(FLOW_NAMES) as OAuthFlowName[]).flatMap((name) => {
        const flow = scheme.flows[name];
        if (!flow) return [];
        const urls = [
          flow.authorizationUrl ? `authorization ${mdCode(flow.authorizationUrl)}` : '',
          flow.deviceAuthorizationUrl ? `device authorization ${mdCode(flow.deviceAuthorizationUrl)}` : '',
          flow.tokenUrl ? `token ${mdCode(flow.tokenUrl)}` : '',
          flow.refreshUrl ? `refresh ${mdCode(flow.refreshUrl)}` : '',
        ].filter(Boolean);
        const scopes = Object.entries(flow.scopes).map(([scope, about]) => `${mdCode(scope)}${about ? ` (${mdInline(about)})` : ''}`);
        return [`- ${FLOW_NAMES[name]}: ${urls.join(', ') || 'no URLs declared'}${scopes.length ? `; scopes: ${scopes.join(', ')}` : ''}`];
      });
      const metadata = scheme.metadataUrl ? ` Authorization server metadata: ${mdCode(scheme.metadataUrl)}.` : '';
      return `OAuth 2.0; the token is sent as \`Authorization: Bearer <token>\`.${metadata}${flows.length ? `\n\n${flows.join('\n')}` : ''}${implicitOnlyNote(scheme.flows)}`;
    }
    case 'openIdConnect':
      return `OpenID Connect; endpoints come from the discovery document at ${mdCode(scheme.openIdConnectUrl)}, and the token is sent as \`Authorization: Bearer <token>\`.`;
    case 'mutualTLS':
      return 'Mutual TLS: the client presents a certificate during the TLS handshake, so it is configured on the `fetch` the client uses, not per request.';
    case 'awsSigV4': {
      const name = scheme.signingName ? `signing name ${mdCode(scheme.signingName)} (unless the credential's \`service\` says otherwise)` : 'the signing name from the credential\'s `service` (or `execute-api` for API Gateway hosts)';
      const rules = scheme.s3 ? ' S3 rules apply: the path is signed as sent and `x-amz-content-sha256` carries the payload hash.' : '';
      return `AWS Signature Version 4: every request is signed (HMAC-SHA256) with an AWS access key and sent with \`Authorization: AWS4-HMAC-SHA256 …\` and \`X-Amz-Date\`; ${name}; region from the credential, else the base URL's host, else ${scheme.region ? mdCode(scheme.region) : '`us-east-1`'}.${rules}`;
    }
  }
}

/**
 * A document that declares only the implicit flow (Azure's declare it at a multi-tenant URL) names
 * no token endpoint, yet services authenticate with client credentials at their own: say how.
 */
function implicitOnlyNote(flows: Partial<Record<OAuthFlowName, unknown>>): string {
  const names = Object.keys(flows);
  if (names.length !== 1 || names[0] !== 'implicit') return '';
  const sample = "{ clientId: '<client id>', clientSecret: process.env.CLIENT_SECRET, tokenUrl: 'https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token', scopes: ['https://management.azure.com/.default'] }";
  return `\n\nThe document declares only the implicit flow, whose token a browser obtains. A service can still authenticate: name your token endpoint in the credential and the client runs client credentials there (Azure, for instance):\n\n\`\`\`ts\n${sample}\n\`\`\``;
}

function describeHttp(httpScheme: string, bearerFormat: string | undefined): string {
  switch (httpScheme) {
    case 'basic':
      return 'HTTP Basic: a username and password, sent as `Authorization: Basic <base64>`.';
    case 'bearer':
      return `A bearer token${bearerFormat ? ` (${mdInline(bearerFormat)})` : ''}, sent as \`Authorization: Bearer <token>\`.`;
    case 'digest':
      return 'HTTP Digest (RFC 7616): a username and password, answered to the server\'s challenge; the password is never sent.';
    case 'oauth':
      return 'OAuth 1.0a (RFC 5849): every request is signed with the consumer key and secret (and the token, when there is one).';
    default:
      return `HTTP ${mdCode(httpScheme)} authentication: the credential is sent as ${mdCode(`Authorization: ${httpScheme} <credential>`)}.`;
  }
}
