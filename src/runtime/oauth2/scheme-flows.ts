/**
 * Which flows a scheme lets a credential run, and the refusal when it lets none: one decision for
 * the plain credential (whose flow is inferred, infer-flow.ts) and for a builder that names its flow.
 */
import { FLOW_ORDER, usableFlows, type EndpointOverrides } from './endpoint-overrides.js';
import type { OAuthSchemeSpec } from './endpoint-source.js';
import type { OAuthFlowName } from './types.js';

export interface SchemeFlows {
  /** The flows the document declares (every managed one for OpenID Connect). */
  declared: ReadonlySet<OAuthFlowName>;
  /** Those, and the ones whose endpoints the credential's overrides name. */
  usable: ReadonlySet<OAuthFlowName>;
}

/**
 * OpenID Connect providers say which grants they support in discovery, not in the spec; an issuer
 * override makes discovery the source of endpoints for an oauth2 scheme too. `where` starts the
 * message (`security scheme "name": `).
 */
export function schemeFlows(spec: OAuthSchemeSpec, overrides: EndpointOverrides, where: string): SchemeFlows {
  const openId = new Set(FLOW_ORDER.slice(0, 4));
  if (spec.type !== 'oauth2') return { declared: openId, usable: openId };
  if (typeof spec.flows !== 'object' || spec.flows === null) throw new TypeError(`${where}oauth2 needs flows`);
  const declared = new Set(FLOW_ORDER.filter((name) => spec.flows[name] !== undefined));
  return { declared, usable: overrides.issuer !== undefined ? new Set([...openId, ...declared]) : usableFlows(spec.flows, overrides) };
}

/**
 * `flow` when the scheme lets it run (a token obtained elsewhere, implicit, fits every scheme).
 * Throws a TypeError naming the credential (`what`: `the credential for security scheme "name"`),
 * never a value, when it does not.
 */
export function acceptFlow(flow: OAuthFlowName | undefined, usable: ReadonlySet<OAuthFlowName>, what: string): OAuthFlowName {
  if (flow === 'implicit' || (flow !== undefined && usable.has(flow))) return flow;
  const looks = flow === undefined ? '' : `: it looks like ${flow}; pass tokenUrl (or issuer) in the credential to run it against an endpoint the document does not name`;
  throw new TypeError(`${what} fits no flow the scheme declares (${[...usable].join(', ') || 'none'})${looks}`);
}
