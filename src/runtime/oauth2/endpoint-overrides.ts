/**
 * Endpoints the application names itself, overriding the document: many descriptions declare a
 * placeholder or a multi-tenant URL (Azure's `/common/`), or only a flow their machine callers do
 * not use (implicit). With the endpoint known, any grant runs against any oauth2 scheme.
 */
import type { OAuthFlowsSpec } from '../auth-strategy.js';
import type { OAuthFlowName } from './types.js';

export interface EndpointOverrides {
  /** The token endpoint, instead of the document's. */
  tokenUrl?: string | undefined;
  /** The authorization endpoint (authorization code flow), instead of the document's. */
  authorizationUrl?: string | undefined;
  /** The device authorization endpoint (RFC 8628), instead of the document's. */
  deviceAuthorizationUrl?: string | undefined;
  /** An OpenID Connect issuer: endpoints come from its discovery document (`/.well-known/openid-configuration`). */
  issuer?: string | undefined;
}

export type EndpointName = 'tokenUrl' | 'refreshUrl' | 'authorizationUrl' | 'deviceAuthorizationUrl';
export type RawEndpoints = Partial<Record<EndpointName, string>>;

/** Every endpoint a flow may use, in the order they are resolved. */
export const ENDPOINT_NAMES: readonly EndpointName[] = ['tokenUrl', 'refreshUrl', 'authorizationUrl', 'deviceAuthorizationUrl'];

/** Every flow, in the order the document's URLs are looked up and usable flows are listed. */
export const FLOW_ORDER: readonly OAuthFlowName[] = ['clientCredentials', 'password', 'authorizationCode', 'deviceAuthorization', 'implicit'];

/** The override, else the first flow's own non-empty URL of that kind (`flow` first: one scheme is one authorization server). */
function endpointOf(flows: OAuthFlowsSpec, flow: OAuthFlowName, overrides: EndpointOverrides, name: EndpointName): string | undefined {
  const own = (other: OAuthFlowName) => (flows[other] as RawEndpoints | undefined)?.[name];
  // A refresh URL is the flow's own only, and none when the token URL is overridden (it belongs to the other server).
  if (name === 'refreshUrl') return overrides.tokenUrl === undefined ? own(flow) || undefined : undefined;
  return overrides[name] ?? [flow, ...FLOW_ORDER].map(own).find((url) => url);
}

/** The endpoints one flow uses (see endpointOf). */
export function flowEndpoints(flows: OAuthFlowsSpec, flow: OAuthFlowName, overrides: EndpointOverrides): RawEndpoints {
  const endpoints: RawEndpoints = {};
  for (const name of ENDPOINT_NAMES) {
    const value = endpointOf(flows, flow, overrides, name);
    if (value) endpoints[name] = value;
  }
  return endpoints;
}

/**
 * The flows the scheme declares, and those whose endpoints are known (a token endpoint, and the
 * authorization or device endpoint those flows need): what the application may run. Implicit
 * needs no token endpoint but cannot run undeclared either (there is nothing to run).
 */
export function usableFlows(flows: OAuthFlowsSpec, overrides: EndpointOverrides): Set<OAuthFlowName> {
  const known = (name: EndpointName) => endpointOf(flows, 'implicit', overrides, name) !== undefined;
  const extra: Partial<Record<OAuthFlowName, EndpointName>> = { authorizationCode: 'authorizationUrl', deviceAuthorization: 'deviceAuthorizationUrl' };
  return new Set(FLOW_ORDER.filter((flow) => flows[flow] !== undefined || (flow !== 'implicit' && known('tokenUrl') && known(extra[flow] ?? 'tokenUrl'))));
}
