import { quoteScheme } from '../credential-checks.js';
import { option } from './option-checks.js';
import type { OAuthFlowName } from './types.js';

const FLOW_NAMES: readonly OAuthFlowName[] = ['clientCredentials', 'password', 'authorizationCode', 'implicit', 'deviceAuthorization'];

function has(credential: object, key: string): boolean {
  return Object.hasOwn(credential, key) && Reflect.get(credential, key) !== undefined;
}

/** The flow a credential's shape asks for, before checking the scheme declares it. */
function flowByShape(credential: object, declared: ReadonlySet<OAuthFlowName>): OAuthFlowName | undefined {
  if (has(credential, 'username') || has(credential, 'password')) return 'password';
  if (has(credential, 'onUserCode')) return 'deviceAuthorization';
  if (has(credential, 'accessToken') && !has(credential, 'clientId')) return 'implicit';
  if (has(credential, 'refreshToken') || has(credential, 'accessToken')) return 'authorizationCode';
  if (!has(credential, 'clientId')) return undefined;
  // RFC 6749 §4.4: client credentials need a client that can authenticate; a public one signs users in.
  const method: unknown = Reflect.get(credential, 'clientAuthMethod');
  const canAuthenticate = has(credential, 'clientSecret') || has(credential, 'privateKey') || method === 'tls_client_auth' || method === 'self_signed_tls_client_auth';
  const preference: OAuthFlowName[] = canAuthenticate ? ['clientCredentials', 'authorizationCode'] : ['authorizationCode', 'clientCredentials'];
  return preference.find((flow) => declared.has(flow)) ?? preference[0];
}

/**
 * Which flow a credential means: the explicit `flow` field, else its shape, preferring the flows
 * the scheme declares; accepted when it is `usable` (declared, or its endpoints known from the
 * document or the credential's overrides). A token obtained elsewhere (implicit: `{ accessToken }`
 * alone) fits every scheme. Throws a TypeError naming the scheme (never a value) when it fits none.
 */
export function inferFlow(credential: unknown, declared: ReadonlySet<OAuthFlowName>, scheme: string, usable: ReadonlySet<OAuthFlowName> = declared): OAuthFlowName {
  const where = `security scheme ${quoteScheme(scheme)}`;
  if (typeof credential !== 'object' || credential === null) throw new TypeError(`the credential for ${where} must be an object (see its OAuth2 grant types)`);
  const flow = (option(credential, 'flow', FLOW_NAMES, `${where}: `) as OAuthFlowName | undefined) ?? flowByShape(credential, declared);
  if (flow === 'implicit') return flow;
  if (flow === undefined || !usable.has(flow)) {
    const offered = [...usable].join(', ') || 'none';
    const hint = flow === undefined ? '' : '; pass tokenUrl (or issuer) in the credential to run it against an endpoint the document does not name';
    throw new TypeError(`the credential for ${where} fits no flow the scheme declares (${offered})${flow === undefined ? '' : `: it looks like ${flow}`}${hint}`);
  }
  return flow;
}
