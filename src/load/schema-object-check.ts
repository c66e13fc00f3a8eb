/**
 * The OpenAPI 3.0 Schema Object check of the quick validator, written by hand: the verdict of the
 * official schema's `#/definitions/Schema` (draft-04, formats not checked), for less work.
 *
 * Schema Objects are most of a large document (GitHub's API: ~65 % of validation's time went to
 * them). ajv's code for the definition reads each of its 35 keywords off every node whether it is
 * there or not, and builds every child's JSON pointer (escaping each property name) before it
 * descends; this looks only at the keys a node has, and carries no pointer at all: the quick
 * validator only answers valid or not, and an invalid document is checked again by the thorough
 * validator, compiled from the official schema, which locates every problem.
 *
 * It must never accept what the official schema refuses. Refusing what it accepts would only cost
 * time (the thorough validator would then accept the document); the tests compare both verdicts on
 * generated schemas and on every document of the corpus.
 */
export function validSchemaObject30(node: unknown): boolean {
  if (!isObject(node)) return false;
  for (const key in node) {
    if (!validKeyword(key, node[key])) return false;
  }
  return true;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One keyword of a Schema Object and its value; the cases follow the definition's order. */
function validKeyword(key: string, value: unknown): boolean {
  switch (key) {
    case 'title':
    case 'pattern':
    case 'description':
    case 'format':
      return typeof value === 'string';
    case 'multipleOf':
      return typeof value === 'number' && value > 0;
    case 'maximum':
    case 'minimum':
      return typeof value === 'number';
    case 'exclusiveMaximum':
    case 'exclusiveMinimum':
    case 'uniqueItems':
    case 'nullable':
    case 'readOnly':
    case 'writeOnly':
    case 'deprecated':
      return typeof value === 'boolean';
    case 'maxLength':
    case 'minLength':
    case 'maxItems':
    case 'minItems':
    case 'maxProperties':
    case 'minProperties':
      return isCount(value);
    case 'required':
      return isRequiredList(value);
    case 'enum':
      return Array.isArray(value) && value.length > 0;
    case 'type':
      return value === 'array' || value === 'boolean' || value === 'integer' || value === 'number' || value === 'object' || value === 'string';
    case 'not':
    case 'items':
      return validSchemaOrReference(value);
    case 'allOf':
    case 'oneOf':
    case 'anyOf':
      return Array.isArray(value) && value.every(validSchemaOrReference);
    case 'properties':
      return isObject(value) && everyMemberValid(value);
    case 'additionalProperties':
      // oneOf [Schema, Reference, boolean]: no value satisfies two of them
      return typeof value === 'boolean' || validSchemaOrReference(value);
    case 'default':
    case 'example':
      return true;
    case 'discriminator':
      return isDiscriminator(value);
    case 'externalDocs':
      return isExternalDocs(value);
    case 'xml':
      return isXml(value);
    default:
      return key.startsWith('x-');
  }
}

/** Every member of `properties` is a Schema or Reference Object; for-in, so no array of values is made per object. */
function everyMemberValid(properties: Json): boolean {
  for (const name in properties) {
    if (!validSchemaOrReference(properties[name])) return false;
  }
  return true;
}

/**
 * A Reference Object when the node is an object with a `$ref`, else a Schema Object: the quick
 * schema's `if`/`then`/`else` for the official `oneOf: [Schema, Reference]`, which say the same
 * because a Schema Object may not have a `$ref` key.
 */
function validSchemaOrReference(node: unknown): boolean {
  if (isObject(node) && node['$ref'] !== undefined) return typeof node['$ref'] === 'string';
  return validSchemaObject30(node);
}

/** A draft-04 `integer` with `minimum: 0`, tested as ajv does (so 1e400, Infinity, passes as it does there). */
function isCount(value: unknown): boolean {
  return typeof value === 'number' && !(value % 1) && !Number.isNaN(value) && value >= 0;
}

/** `required`: at least one string, no two alike. */
function isRequiredList(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  if (!value.every((name) => typeof name === 'string')) return false;
  return value.length === 1 || new Set(value).size === value.length;
}

function isDiscriminator(value: unknown): boolean {
  if (!isObject(value) || typeof value['propertyName'] !== 'string') return false;
  const mapping = value['mapping'];
  return mapping === undefined || (isObject(mapping) && Object.values(mapping).every((target) => typeof target === 'string'));
}

function isExternalDocs(value: unknown): boolean {
  if (!isObject(value) || typeof value['url'] !== 'string') return false;
  for (const key in value) {
    if (key === 'description' ? typeof value[key] !== 'string' : key !== 'url' && !key.startsWith('x-')) return false;
  }
  return true;
}

function isXml(value: unknown): boolean {
  if (!isObject(value)) return false;
  for (const key in value) {
    const member = value[key];
    if (key === 'name' || key === 'namespace' || key === 'prefix') {
      if (typeof member !== 'string') return false;
    } else if (key === 'attribute' || key === 'wrapped') {
      if (typeof member !== 'boolean') return false;
    } else if (!key.startsWith('x-')) return false;
  }
  return true;
}
