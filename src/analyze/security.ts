import { KeywayError } from '../errors.js';
import { childPointer } from '../json/json-pointer.js';
import type {
  OAuthFlow,
  OAuthFlowName,
  SecurityRequirement,
  SecurityScheme,
} from '../model/index.js';
import { isObject, type JsonObject } from '../json/json-object.js';
import { awsSigV4Scheme } from './aws-sigv4.js';
import { deref, optionalString } from './resolve.js';

const FLOW_NAMES: OAuthFlowName[] = ['implicit', 'password', 'clientCredentials', 'authorizationCode', 'deviceAuthorization'];

/** components/securitySchemes → model schemes, in spec order. */
export function analyzeSecuritySchemes(document: JsonObject): SecurityScheme[] {
  const components = isObject(document.components) ? document.components : {};
  const raw = isObject(components.securitySchemes) ? components.securitySchemes : {};
  return Object.keys(raw).map((key) => {
    const at = childPointer('#', 'components', 'securitySchemes', key);
    const { value, pointer } = deref(document, raw[key], at);
    return awsSigV4Scheme(document, value, { key, description: optionalString(value.description), pointer }) ?? schemeFrom(key, value, pointer);
  });
}

function schemeFrom(key: string, s: JsonObject, pointer: string): SecurityScheme {
  const description = optionalString(s.description);
  const base = { key, description, pointer };
  switch (s.type) {
    case 'apiKey': {
      const where = s.in;
      if (where !== 'header' && where !== 'query' && where !== 'cookie') {
        throw new KeywayError('E_INVALID', `apiKey scheme ${JSON.stringify(key)} has invalid "in": ${JSON.stringify(where)}`, { pointer });
      }
      const paramName = optionalString(s.name);
      if (paramName === undefined) throw new KeywayError('E_INVALID', `apiKey scheme ${JSON.stringify(key)} needs a "name"`, { pointer });
      return { ...base, kind: 'apiKey', in: where, paramName };
    }
    case 'http': {
      const scheme = optionalString(s.scheme);
      if (scheme === undefined) throw new KeywayError('E_INVALID', `http scheme ${JSON.stringify(key)} needs a "scheme"`, { pointer });
      return { ...base, kind: 'http', scheme: scheme.toLowerCase(), bearerFormat: optionalString(s.bearerFormat) };
    }
    case 'oauth2': {
      const flows: Partial<Record<OAuthFlowName, OAuthFlow>> = {};
      const rawFlows = isObject(s.flows) ? s.flows : {};
      for (const name of FLOW_NAMES) {
        const f = rawFlows[name];
        if (!isObject(f)) continue;
        // No prototype: a scope named `__proto__` must stay a scope.
        const scopes: Record<string, string> = Object.create(null);
        if (isObject(f.scopes)) for (const [scope, text] of Object.entries(f.scopes)) scopes[scope] = typeof text === 'string' ? text : '';
        flows[name] = {
          authorizationUrl: optionalString(f.authorizationUrl),
          tokenUrl: optionalString(f.tokenUrl),
          refreshUrl: optionalString(f.refreshUrl),
          deviceAuthorizationUrl: optionalString(f.deviceAuthorizationUrl),
          scopes,
        };
      }
      return { ...base, kind: 'oauth2', flows, metadataUrl: optionalString(s.oauth2MetadataUrl) };
    }
    case 'openIdConnect': {
      const url = optionalString(s.openIdConnectUrl);
      if (url === undefined) throw new KeywayError('E_INVALID', `openIdConnect scheme ${JSON.stringify(key)} needs "openIdConnectUrl"`, { pointer });
      return { ...base, kind: 'openIdConnect', openIdConnectUrl: url };
    }
    case 'mutualTLS':
      return { ...base, kind: 'mutualTLS' };
    default:
      throw new KeywayError('E_INVALID', `security scheme ${JSON.stringify(key)} has unsupported type ${JSON.stringify(s.type)}`, { pointer });
  }
}

/**
 * A `security` array → requirement, checking every scheme it names is declared. `undefined` input
 * means "not stated here" and is returned as undefined so the caller can fall back to the global one.
 */
export function analyzeRequirement(
  raw: unknown,
  pointer: string,
  declared: ReadonlySet<string>,
): SecurityRequirement | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) throw new KeywayError('E_INVALID', '"security" must be an array', { pointer });
  return raw.map((alternative, i) => {
    const at = childPointer(pointer, i);
    if (!isObject(alternative)) throw new KeywayError('E_INVALID', 'a security requirement must be an object', { pointer: at });
    return {
      schemes: Object.keys(alternative).map((scheme) => {
        if (!declared.has(scheme)) {
          const known = declared.size ? `declared schemes: ${[...declared].map((d) => JSON.stringify(d)).join(', ')}` : 'the document declares no security schemes';
          throw new KeywayError('E_SECURITY', `security requirement names undeclared scheme ${JSON.stringify(scheme)} (${known})`, {
            pointer: childPointer(at, scheme),
          });
        }
        const scopes = alternative[scheme];
        return { scheme, scopes: Array.isArray(scopes) ? scopes.filter((x): x is string => typeof x === 'string') : [] };
      }),
    };
  });
}
