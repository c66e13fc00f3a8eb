/**
 * The schema the quick validator is compiled from: the same verdict as the official one, for less
 * work. Only the quick validator uses it; it answers valid or not, and an invalid document is then
 * reported by the thorough validator, compiled from the official schema, whose errors name the
 * alternatives as the specification writes them.
 *
 * The OpenAPI schemas write "a Schema Object or a Reference Object" (and the same for parameters,
 * responses, examples...) as `oneOf: [X, Reference]`. ajv must then validate every node against
 * both, to be sure that exactly one matches, and the branch that fails builds error objects, with
 * their paths and messages, only to throw them away: on GitHub's description, a third of
 * validation's time, and much of its garbage. Where the two cannot both match, "exactly one" is
 * "the one the node's `$ref` points to", which `if`/`then`/`else` says without the second
 * attempt (ajv evaluates `if` without building errors):
 *
 *     oneOf: [X, R]   →   if: { type: object, required: [$ref] }, then: R, else: X
 *
 * when R requires `$ref` of an object (so R refuses non-objects and objects without `$ref`), and
 * X refuses any object with a `$ref` key (`additionalProperties: false`, and neither
 * `properties` nor `patternProperties` admits the key). Then for a non-object both verdicts are
 * X's (R fails), for an object with `$ref` both are R's (X fails), and for one without `$ref` both
 * are X's (R fails). Alternatives that do not meet this (3.1's Schema Object, which allows `$ref`;
 * Callback, whose extra keys are path items) are left as they are.
 */
export function quickSchema(schema: object): object {
  const root = structuredClone(schema) as Record<string, unknown>;
  rewrite(root, root);
  return root;
}

type Json = Record<string, unknown>;

function rewrite(node: unknown, root: Json): void {
  if (node === null || typeof node !== 'object') return;
  if (!Array.isArray(node)) rewriteChoice(node as Json, root);
  for (const child of Object.values(node)) rewrite(child, root);
}

function rewriteChoice(node: Json, root: Json): void {
  const branches = node['oneOf'];
  if (!Array.isArray(branches) || branches.length !== 2 || 'if' in node || 'then' in node || 'else' in node) return;
  const targets = branches.map((branch) => definition(branch, root));
  const reference = targets.findIndex(requiresRefOfAnObject);
  if (reference === -1) return;
  const other = 1 - reference;
  if (!refusesRefKey(targets[other])) return;
  delete node['oneOf'];
  node['if'] = { type: 'object', required: ['$ref'] };
  node['then'] = branches[reference];
  node['else'] = branches[other];
}

/** The definition a branch written as a bare `{ $ref: '#/definitions/…' }` (or `#/$defs/…`) names. */
function definition(branch: unknown, root: Json): Json | undefined {
  if (branch === null || typeof branch !== 'object' || Object.keys(branch).length !== 1) return undefined;
  const ref = (branch as Json)['$ref'];
  const match = typeof ref === 'string' ? /^#\/(definitions|\$defs)\/([^/~%]+)$/.exec(ref) : null;
  if (match === null) return undefined;
  const target = (root[match[1]!] as Json | undefined)?.[match[2]!];
  return target !== null && typeof target === 'object' && !Array.isArray(target) ? (target as Json) : undefined;
}

function requiresRefOfAnObject(schema: Json | undefined): boolean {
  return schema !== undefined && schema['type'] === 'object' && Array.isArray(schema['required']) && schema['required'].includes('$ref');
}

function refusesRefKey(schema: Json | undefined): boolean {
  if (schema === undefined || schema['additionalProperties'] !== false || '$ref' in schema) return false;
  const properties = schema['properties'];
  if (properties !== undefined && (properties === null || typeof properties !== 'object' || Object.hasOwn(properties, '$ref'))) return false;
  const patterns = schema['patternProperties'];
  if (patterns === undefined) return true;
  if (patterns === null || typeof patterns !== 'object') return false;
  return Object.keys(patterns).every((pattern) => !new RegExp(pattern, 'u').test('$ref'));
}
