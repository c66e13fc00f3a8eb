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

/** Every endpoint a flow may use, in the order they are resolved. */
export const ENDPOINT_NAMES: readonly EndpointName[] = ['tokenUrl', 'refreshUrl', 'authorizationUrl', 'deviceAuthorizationUrl'];

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
  const own = flows[flow] as RawEndpoints | undefined;
  const endpoints: RawEndpoints = {};
  for (const name of ENDPOINT_NAMES) {
    const value =
      name === 'refreshUrl'
        ? overrides.tokenUrl === undefined ? own?.refreshUrl : undefined
        : (overrides[name] ?? [flow, ...FLOW_ORDER].map((other) => (flows[other] as RawEndpoints | undefined)?.[name]).find((url) => url !== undefined && url !== ''));
    if (value) endpoints[name] = value;
  }
  return endpoints;
}

// What a flow needs besides a token endpoint to run without being declared.
const EXTRA_ENDPOINT: Partial<Record<OAuthFlowName, EndpointName>> = { authorizationCode: 'authorizationUrl', deviceAuthorization: 'deviceAuthorizationUrl' };

/** The flows the scheme declares, and those whose endpoints are known: what the application may run. */
export function usableFlows(flows: OAuthFlowsSpec, overrides: EndpointOverrides): Set<OAuthFlowName> {
  const usable = new Set<OAuthFlowName>();
  for (const flow of FLOW_ORDER) {
    const endpoints = flowEndpoints(flows, flow, overrides);
    const extra = EXTRA_ENDPOINT[flow];
    // Implicit needs no token endpoint but cannot run undeclared either (there is nothing to run).
    if (flows[flow] !== undefined || (flow !== 'implicit' && endpoints.tokenUrl !== undefined && (extra === undefined || endpoints[extra] !== undefined))) usable.add(flow);
  }
  return usable;
}
