import { isObject, type JsonObject } from '../json/json-object.js';
import { extensionsOf } from './swagger2-schema.js';

const OAUTH2_FLOW_NAMES: Readonly<Record<string, string>> = {
  implicit: 'implicit',
  password: 'password',
  application: 'clientCredentials',
  accessCode: 'authorizationCode',
};

/** A 2.0 Security Definition as a 3.0 Security Scheme (`basic` → HTTP basic; oauth2 `flow` → `flows`). */
export function convertSecurityScheme(definition: unknown): unknown {
  if (!isObject(definition)) return definition;
  const common: JsonObject = {};
  if (definition['description'] !== undefined) common['description'] = definition['description'];
  const extensions = extensionsOf(definition);
  switch (definition['type']) {
    case 'basic':
      return { type: 'http', scheme: 'basic', ...common, ...extensions };
    case 'apiKey':
      return { type: 'apiKey', name: definition['name'], in: definition['in'], ...common, ...extensions };
    case 'oauth2': {
      const flowName = OAUTH2_FLOW_NAMES[String(definition['flow'])] ?? String(definition['flow']);
      const flow: JsonObject = {};
      if (definition['authorizationUrl'] !== undefined) flow['authorizationUrl'] = definition['authorizationUrl'];
      if (definition['tokenUrl'] !== undefined) flow['tokenUrl'] = definition['tokenUrl'];
      flow['scopes'] = isObject(definition['scopes']) ? definition['scopes'] : {};
      return { type: 'oauth2', ...common, flows: { [flowName]: flow }, ...extensions };
    }
    default:
      return { ...definition };
  }
}
