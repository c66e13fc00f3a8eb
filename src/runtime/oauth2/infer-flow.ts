import { own } from './option-checks.js';
import { acceptFlow } from './scheme-flows.js';
import { TLS_CLIENT_AUTH_METHODS } from './tls-client-auth.js';
import type { ClientAuthMethod, OAuthFlowName } from './types.js';

/** The flow a credential's shape asks for, before checking the scheme declares it. */
function flowByShape(credential: object, declared: ReadonlySet<OAuthFlowName>): OAuthFlowName | undefined {
  const has = (key: string) => own(credential, key) !== undefined;
  if (has('username') || has('password')) return 'password';
  if (has('onUserCode')) return 'deviceAuthorization';
  if (has('accessToken') || has('refreshToken')) return has('accessToken') && !has('clientId') ? 'implicit' : 'authorizationCode';
  if (!has('clientId')) return undefined;
  // RFC 6749 §4.4: client credentials need a client that can authenticate; a public one signs users in.
  const preference: OAuthFlowName[] = has('clientSecret') || has('privateKey') || TLS_CLIENT_AUTH_METHODS.includes(own(credential, 'clientAuthMethod') as ClientAuthMethod) ? ['clientCredentials', 'authorizationCode'] : ['authorizationCode', 'clientCredentials'];
  return preference.find((flow) => declared.has(flow)) ?? preference[0];
}

/**
 * Which flow a credential means: the explicit `flow` field, else its shape, preferring the flows
 * the scheme declares; accepted when it is `usable` (see acceptFlow). `where` names the credential
 * (`the credential for security scheme "name"`). Its `flow` was checked (one of FLOW_ORDER) with the
 * other options.
 */
export function inferFlow(credential: object, declared: ReadonlySet<OAuthFlowName>, where: string, usable: ReadonlySet<OAuthFlowName> = declared): OAuthFlowName {
  return acceptFlow((own(credential, 'flow') as OAuthFlowName | undefined) ?? flowByShape(credential, declared), usable, where);
}
