/**
 * fast-check arbitraries for OpenAPI documents: random schema trees under random (often hostile)
 * names, operations with random ids, parameters and bodies, `$ref`s between them. Mostly valid
 * documents, so most cases reach emission; the odd invalid one must fail as a KeywayError.
 */
import fc from 'fast-check';

type Json = Record<string, unknown>;

/** Fragments that have broken generators before: comment ends, quotes, template holes, line terminators, keywords, our own names. */
const FRAGMENTS = [
  '*/', '/*', '`', '${', '"', "'", '\\', '\n', '\u2028', '\u2029', '</script>', ' ', '-', '_', '$', '1', '~', '%', '#', '?', '.',
  'class', 'default', 'constructor', '__proto__', 'toString', 'then', 'Promise', 'fetch', 'Record', 'Blob', 'Array',
  'ApiError', 'T', 'auth', 'body', 'requestBody', 'signal', 'options', 'args', 'operations', 'Pet', 'pet', 'PET',
];

/** A name: a few fragments and random characters, sometimes empty, sometimes any code points. */
export const name: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom('', 'a', 'A', 'pet', 'Pet', 'pet_1', 'pet-1') },
);

/** `#/components/<kind>/<name>`, escaped the way JSON pointers in URI fragments are. */
export function refTo(kind: string, target: string): string {
  return `#/components/${kind}/${encodeURIComponent(target.replace(/~/g, '~0').replace(/\//g, '~1')).replace(/%7E/g, '~')}`;
}

export type Version = '3.0.3' | '3.1.0';

/** OpenAPI 3.1 requires component names to match `^[a-zA-Z0-9._-]+$` (3.0 states it but does not check it). */
const componentName31: fc.Arbitrary<string> = fc.stringMatching(/^[a-zA-Z0-9._-]{1,8}$/);

function scalar(version: Version): fc.Arbitrary<Json> {
  return fc.oneof(
    fc.constantFrom<Json>({ type: 'string' }, { type: 'integer' }, { type: 'number' }, { type: 'boolean' }, { type: 'string', format: 'binary' }, {}),
    fc.array(fc.oneof(name, fc.integer(), fc.constant(null), fc.boolean()), { minLength: 1, maxLength: 4 }).map((values) => ({ enum: values })),
    // `const` is JSON Schema 2020-12 (3.1); a 3.0 schema says it with a one-value enum
    name.map((value) => (version === '3.0.3' ? { enum: [value] } : { const: value })),
  );
}

/** Uniquely named entries → an object with them all as own properties (`__proto__` included). */
function entries<T>(value: fc.Arbitrary<T>, maxLength: number): fc.Arbitrary<Record<string, T>> {
  return fc.uniqueArray(fc.tuple(name, value), { maxLength, selector: (entry) => entry[0] }).map((list) => Object.fromEntries(list));
}

/** Schema trees whose `$ref`s point at `schemaNames` (and now and then at nothing). */
export function schema(schemaNames: readonly string[], version: Version): fc.Arbitrary<Json> {
  const scalars = scalar(version);
  const ref: fc.Arbitrary<Json> =
    schemaNames.length === 0 ? scalars : fc.constantFrom(...schemaNames).map((target) => ({ $ref: refTo('schemas', target) }));
  const tree = fc.letrec<{ node: Json }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalars,
      ref,
      fc.record(
        {
          type: fc.constant('object'),
          properties: entries(tie('node'), 4),
          required: fc.array(name, { minLength: 1, maxLength: 2 }),
          additionalProperties: fc.oneof(fc.boolean(), tie('node')),
          nullable: fc.boolean(),
          description: name,
        },
        { requiredKeys: ['type'] },
      ),
      fc.record({ type: fc.constant('array'), items: tie('node') }, { requiredKeys: ['type'] }),
      fc.record({ allOf: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      fc.record(
        {
          oneOf: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
          discriminator: fc.record({ propertyName: name }),
        },
        { requiredKeys: ['oneOf'] },
      ),
      fc.record({ anyOf: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    ),
  }));
  return tree.node;
}

const MEDIA_TYPES = ['application/json', 'application/problem+json', 'text/plain', 'application/octet-stream', 'multipart/form-data', 'application/x-www-form-urlencoded', 'application/xml'];

function parameter(schemas: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return fc.record({
    name,
    in: fc.constantFrom('query', 'header', 'cookie'),
    required: fc.boolean(),
    description: name,
    schema: schemas,
  });
}

const securityScheme: fc.Arbitrary<Json> = fc.oneof(
  fc.record({ type: fc.constant('apiKey'), in: fc.constantFrom('header', 'query', 'cookie'), name: name.filter((n) => n !== '') }),
  fc.record({ type: fc.constant('http'), scheme: fc.constantFrom('basic', 'bearer', 'digest', 'negotiate') }),
  fc.record({ type: fc.constant('oauth2'), flows: fc.record({ clientCredentials: fc.record({ tokenUrl: fc.constant('https://example.test/token'), scopes: fc.dictionary(name, name, { maxKeys: 2 }) }) }) }),
);

/** A `security` list naming the declared schemes (and, rarely, one that is not: E_SECURITY). */
function requirement(schemeNames: readonly string[]): fc.Arbitrary<Json[]> {
  const scheme = schemeNames.length === 0 ? name : fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...schemeNames) }, { weight: 1, arbitrary: name });
  return fc.array(fc.uniqueArray(fc.tuple(scheme, fc.array(name, { maxLength: 2 })), { maxLength: 2, selector: (e) => e[0] }).map((list) => Object.fromEntries(list)), { maxLength: 2 });
}

function operation(schemas: fc.Arbitrary<Json>, parameterNames: readonly string[], pathParameters: readonly string[], schemeNames: readonly string[] = []): fc.Arbitrary<Json> {
  const refs = parameterNames.length === 0 ? [] : [fc.constantFrom(...parameterNames).map((target) => ({ $ref: refTo('parameters', target) }))];
  return fc.record(
    {
      operationId: name,
      security: requirement(schemeNames),
      summary: name,
      description: name,
      tags: fc.array(name, { maxLength: 2 }),
      parameters: fc
        .array(fc.oneof(parameter(schemas), ...refs), { maxLength: 3 })
        .map((list) => [...pathParameters.map((p) => ({ name: p, in: 'path', required: true, schema: { type: 'string' } })), ...list]),
      requestBody: fc.record({ required: fc.boolean(), content: fc.dictionary(fc.constantFrom(...MEDIA_TYPES), fc.record({ schema: schemas }), { minKeys: 1, maxKeys: 2 }) }),
      responses: fc.dictionary(
        fc.constantFrom('200', '201', '204', '2XX', '404', 'default'),
        fc.record({ description: name, content: fc.dictionary(fc.constantFrom(...MEDIA_TYPES), fc.record({ schema: schemas }), { maxKeys: 2 }) }, { requiredKeys: ['description'] }),
        { minKeys: 1, maxKeys: 3 },
      ),
    },
    { requiredKeys: ['parameters', 'responses'] },
  );
}

/** A path template with 0–2 parameters whose names can stand in `{…}`. */
const pathTemplate: fc.Arbitrary<{ path: string; parameters: string[] }> = fc
  .tuple(fc.array(name, { maxLength: 2 }), fc.uniqueArray(name.filter((n) => n !== '' && !/[{}/?#]/.test(n)), { maxLength: 2 }))
  .map(([literals, parameters]) => ({
    path: '/' + [...literals.map((l) => l.replace(/[{}]/g, '')), ...parameters.map((p) => `{${p}}`)].join('/'),
    parameters,
  }));

export const document: fc.Arbitrary<Json> = fc.constantFrom<Version>('3.0.3', '3.1.0').chain((version) => {
  const componentName = version === '3.0.3' ? name : componentName31;
  return fc
    .record({
      schemaNames: fc.uniqueArray(componentName, { maxLength: 5 }),
      parameterNames: fc.uniqueArray(componentName, { maxLength: 2 }),
      schemeNames: fc.uniqueArray(componentName, { maxLength: 2 }),
    })
    .chain(({ schemaNames, parameterNames, schemeNames }) => {
      const schemas = schema(schemaNames, version);
      return fc.record({
        openapi: fc.constant(version),
        info: fc.record({ title: name, version: name, description: name }, { requiredKeys: ['title', 'version'] }),
        servers: fc.array(fc.record({ url: name.map((n) => `https://example.test/${n}`) }), { maxLength: 1 }),
        paths: fc
          .uniqueArray(
            pathTemplate.chain(({ path, parameters }) =>
              fc.tuple(fc.constant(path), fc.dictionary(fc.constantFrom('get', 'post', 'put', 'delete', 'patch'), operation(schemas, parameterNames, parameters, schemeNames), { minKeys: 1, maxKeys: 2 })),
            ),
            { maxLength: 3, selector: (entry) => entry[0] },
          )
          .map((list) => Object.fromEntries(list)),
        components: fc.record({
          schemas: fc.tuple(...schemaNames.map(() => schemas)).map((list) => Object.fromEntries(schemaNames.map((n, i) => [n, list[i]]))),
          parameters: fc.tuple(...parameterNames.map(() => parameter(schemas))).map((list) => Object.fromEntries(parameterNames.map((n, i) => [n, list[i]]))),
          securitySchemes: fc.tuple(...schemeNames.map(() => securityScheme)).map((list) => Object.fromEntries(schemeNames.map((n, i) => [n, list[i]]))),
        }),
        security: requirement(schemeNames),
      });
    });
});
