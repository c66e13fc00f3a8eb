import type { SecurityScheme } from '../model/index.js';
import type { LiteralValue } from './literal.js';

/** How one security scheme appears in the generated client. */
export interface SchemeView {
  /** The runtime's description of the scheme (a `SchemeSpec`), as data; undefined: not supported yet. */
  spec: LiteralValue | undefined;
  /** TypeScript type of the credential the `auth` option takes for it. */
  credentialType: string | undefined;
  /** One line saying what the credential is and where it goes. */
  summary: string;
}

export function schemeView(scheme: SecurityScheme): SchemeView {
  switch (scheme.kind) {
    case 'apiKey':
      return {
        spec: { type: 'apiKey', in: scheme.in, name: scheme.paramName },
        credentialType: 'TokenSource',
        summary: `API key sent in the ${scheme.in} \`${scheme.paramName}\`.`,
      };
    case 'http':
      if (scheme.scheme === 'basic') {
        return { spec: { type: 'http', scheme: 'basic' }, credentialType: 'BasicCredentials', summary: 'HTTP Basic authentication: username and password.' };
      }
      if (scheme.scheme === 'bearer') {
        const format = scheme.bearerFormat ? ` (${scheme.bearerFormat})` : '';
        return { spec: { type: 'http', scheme: 'bearer' }, credentialType: 'TokenSource', summary: `Bearer token${format}, sent as \`Authorization: Bearer <token>\`.` };
      }
      return {
        spec: { type: 'http', scheme: scheme.scheme },
        credentialType: 'TokenSource',
        summary: `HTTP \`${scheme.scheme}\` authentication: the credential is sent as \`Authorization: ${scheme.scheme} <credential>\`.`,
      };
    case 'oauth2':
    case 'openIdConnect':
      return {
        spec: { type: 'accessToken' },
        credentialType: 'AccessTokenCredentials',
        summary: `${scheme.kind === 'oauth2' ? 'OAuth 2.0' : 'OpenID Connect'}: an access token obtained elsewhere, sent as \`Authorization: Bearer <token>\`.`,
      };
    case 'mutualTLS':
      return { spec: undefined, credentialType: undefined, summary: 'Mutual TLS: not yet supported by this client; configure the TLS layer through `fetch`.' };
  }
}
