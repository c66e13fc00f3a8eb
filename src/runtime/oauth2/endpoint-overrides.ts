/**
 * Endpoints the application names itself, overriding the document: many descriptions declare a
 * placeholder or a multi-tenant URL (Azure's `/common/`), or only a flow their machine callers do
 * not use (implicit). With the endpoint known, any grant runs against any oauth2 scheme.
 */
import type { OAuthFlowsSpec } from '../auth-strategy.js';
import { option, schemeWhere } from './option-checks.js';
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

const OVERRIDABLE = ['tokenUrl', 'authorizationUrl', 'deviceAuthorizationUrl', 'issuer'] as const;
const FLOW_ORDER: readonly OAuthFlowName[] = ['clientCredentials', 'password', 'authorizationCode', 'deviceAuthorization', 'implicit'];

/** The overrides a credential carries; each must be a non-empty string. */
export function endpointOverrides(credential: object, scheme: string): EndpointOverrides {
  const overrides: EndpointOverrides = {};
  for (const name of OVERRIDABLE) {
    const value = option(credential, name, 'url', schemeWhere(scheme)) as string | undefined;
    if (value !== undefined) overrides[name] = value;
  }
  return overrides;
}

/**
 * The endpoints one flow uses: the override, else the flow's own URL, else the same kind of URL
 * another declared flow gives (one scheme is one authorization server). A refresh URL is the
 * flow's own only, and none when the token URL is overridden (it belongs to the other server).
 */
export function flowEndpoints(flows: OAuthFlowsSpec, flow: OAuthFlowName, overrides: EndpointOverrides): RawEndpoints {
  const own: RawEndpoints = { ...(flows[flow] as RawEndpoints | undefined) };
  const declared = (name: EndpointName): string | undefined => {
    if (own[name] !== undefined && own[name] !== '') return own[name];
    for (const other of FLOW_ORDER) {
      const value = (flows[other] as RawEndpoints | undefined)?.[name];
      if (value !== undefined && value !== '') return value;
    }
    return undefined;
  };
  const endpoints: RawEndpoints = {};
  const set = (name: EndpointName, value: string | undefined) => {
    if (value !== undefined && value !== '') endpoints[name] = value;
  };
  set('tokenUrl', overrides.tokenUrl ?? declared('tokenUrl'));
  set('refreshUrl', overrides.tokenUrl === undefined ? own.refreshUrl : undefined);
  set('authorizationUrl', overrides.authorizationUrl ?? declared('authorizationUrl'));
  set('deviceAuthorizationUrl', overrides.deviceAuthorizationUrl ?? declared('deviceAuthorizationUrl'));
  return endpoints;
}

/** The flows the scheme declares, and those whose endpoints are known: what the application may run. */
export function usableFlows(flows: OAuthFlowsSpec, overrides: EndpointOverrides): Set<OAuthFlowName> {
  const usable = new Set<OAuthFlowName>();
  for (const flow of FLOW_ORDER) {
    const endpoints = flowEndpoints(flows, flow, overrides);
    const hasToken = endpoints.tokenUrl !== undefined;
    if (flows[flow] !== undefined) usable.add(flow);
    else if (flow === 'implicit' ? flows.implicit !== undefined : flow === 'authorizationCode' ? hasToken && endpoints.authorizationUrl !== undefined : flow === 'deviceAuthorization' ? hasToken && endpoints.deviceAuthorizationUrl !== undefined : hasToken) {
      usable.add(flow);
    }
  }
  return usable;
}
