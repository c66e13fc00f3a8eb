import type { ErrorObject } from 'ajv';
import { parseJsonPointer } from '../json/json-pointer.js';

export interface Violation {
  /** Raw segments of the offending node. */
  segments: string[];
  message: string;
}

/**
 * Turns ajv's allErrors output into the few violations a person should read. The official
 * schemas express alternatives with oneOf/anyOf (Parameter | Reference, one sub-schema per
 * parameter location, …), so one mistake yields errors from every alternative it did not match.
 * We drop the alternatives that plainly do not apply, then the summary errors, then duplicates,
 * and put the deepest (most specific) first. Needs ajv's `verbose` (errors carry `parentSchema`).
 */
export function summarizeAjvErrors(errors: readonly ErrorObject[]): Violation[] {
  let kept = dropMismatchedAlternatives(errors);
  kept = dropIfOthersRemain(kept, isReferenceAlternative);
  kept = dropIfOthersRemain(kept, (error) => SUMMARY_KEYWORDS.has(error.keyword));
  kept = dropIfOthersRemain(kept, (error) => isUnevaluatedBecauseInvalid(error, kept));
  const violations = mergeSamePlace(kept.map(toViolation));
  return violations.sort((a, b) => b.segments.length - a.segments.length);
}

/** Keywords that only say "some sub-schema failed"; the sub-schema's own errors say what. */
const SUMMARY_KEYWORDS = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'then', 'else', 'not', '$ref', 'dependentSchemas']);

/**
 * An alternative that pins a property to a value the document does not have
 * (`in: {enum: [body]}`, `type: {const: oauth2}`) is not the one the author meant: the pinning
 * error goes, and so do that alternative's other errors about the same object. When that leaves
 * nothing to say about the object, no alternative matched, and the pinning errors (merged into
 * one "must be one of …") are what to report.
 */
function dropMismatchedAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  const branchOf = (pin: ErrorObject): unknown => {
    const object = parentPointer(pin.instancePath);
    const property = lastSegment(pin.instancePath);
    return errors.find((error) => error.instancePath === object && propertiesOf(error.parentSchema)?.[property] === pin.parentSchema)?.parentSchema;
  };
  const pins = new Map<ErrorObject, unknown>();
  for (const error of errors) {
    if (error.instancePath === '' || (error.keyword !== 'enum' && error.keyword !== 'const')) continue;
    const branch = branchOf(error);
    // A multi-valued enum is only a discriminator when we can see the alternative it belongs to.
    if (branch !== undefined || isSingleValued(error)) pins.set(error, branch);
  }
  if (pins.size === 0) return [...errors];
  const branches = new Set<unknown>([...pins.values()].filter((branch) => branch !== undefined));
  const fromBranch = (error: ErrorObject): boolean => {
    if (branches.has(error.parentSchema)) return true;
    const parent = errors.find((other) => branches.has(other.parentSchema) && other.instancePath === parentPointer(error.instancePath));
    return parent !== undefined && propertiesOf(parent.parentSchema)?.[lastSegment(error.instancePath)] === error.parentSchema;
  };
  const kept = errors.filter((error) => !pins.has(error) && !fromBranch(error));
  const restored = [...pins.keys()].filter((pin) => {
    const object = parentPointer(pin.instancePath);
    return !kept.some((error) => isWithin(error.instancePath, object) && !SUMMARY_KEYWORDS.has(error.keyword) && !isReferenceAlternative(error));
  });
  return [...kept, ...restored];
}

function isSingleValued(error: ErrorObject): boolean {
  return error.keyword === 'const' || (error.params as { allowedValues?: unknown[] }).allowedValues?.length === 1;
}

function propertiesOf(schema: unknown): Record<string, unknown> | undefined {
  return (schema as { properties?: Record<string, unknown> } | undefined)?.properties;
}

/** The `$ref` branch of "X or Reference": irrelevant unless the node really is a reference. */
function isReferenceAlternative(error: ErrorObject): boolean {
  const required = (error.parentSchema as { required?: unknown } | undefined)?.required;
  if (Array.isArray(required) && required.includes('$ref')) return true;
  return error.keyword === 'required' && (error.params as { missingProperty?: string }).missingProperty === '$ref';
}

/**
 * In 2020-12 schemas a property whose own sub-schema failed also counts as "unevaluated" in its
 * parent; the failure inside is the real problem.
 */
function isUnevaluatedBecauseInvalid(error: ErrorObject, all: readonly ErrorObject[]): boolean {
  if (error.keyword !== 'unevaluatedProperties') return false;
  const property = `${error.instancePath}/${escapeSegment(String((error.params as { unevaluatedProperty?: unknown }).unevaluatedProperty))}`;
  return all.some((other) => other !== error && (other.instancePath === property || other.instancePath.startsWith(property + '/')));
}

function dropIfOthersRemain(errors: ErrorObject[], drop: (error: ErrorObject) => boolean): ErrorObject[] {
  const kept = errors.filter((error) => !drop(error));
  return kept.length > 0 ? kept : errors;
}

function toViolation(error: ErrorObject): Violation {
  const segments = parseJsonPointer(error.instancePath) ?? [];
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const property = String(params['additionalProperty'] ?? params['unevaluatedProperty']);
      return { segments: [...segments, property], message: `unexpected property '${property}'` };
    }
    case 'enum':
      return { segments, message: `must be one of ${formatValues(params['allowedValues'] as unknown[])}` };
    case 'const':
      return { segments, message: `must be ${JSON.stringify(params['allowedValue'])}` };
    case 'required':
      // oneOf: [{required: [schema]}, {required: [content]}] – say it once, listing the choices
      if (/\/(oneOf|anyOf)\/\d+\/required$/.test(error.schemaPath) || isBareRequirement(error.parentSchema)) return { segments, message: `${ONE_OF_PROPERTIES_PREFIX}'${String(params['missingProperty'])}'` };
      return { segments, message: error.message ?? 'is missing a required property' };
    case 'false schema':
      return { segments, message: 'is not allowed here' };
    default:
      return { segments, message: error.message ?? `fails '${error.keyword}'` };
  }
}

const ONE_OF_PREFIX = 'must be one of ';
const ONE_OF_PROPERTIES_PREFIX = 'must have one of the properties ';
const LIST_PREFIXES = [ONE_OF_PREFIX, ONE_OF_PROPERTIES_PREFIX];

function isBareRequirement(schema: unknown): boolean {
  if (schema === null || typeof schema !== 'object') return false;
  const { required, description, ...rest } = schema as { required?: unknown; description?: unknown };
  return Array.isArray(required) && required.length === 1 && Object.keys(rest).length === 0;
}

/** Same place, same complaint: one line; lists at one place merge ("must be one of 'path', 'query'"). */
function mergeSamePlace(violations: Violation[]): Violation[] {
  const byKey = new Map<string, Violation>();
  for (const violation of violations) {
    const place = violation.segments.join('\0');
    const listPrefix = LIST_PREFIXES.find((prefix) => violation.message.startsWith(prefix));
    const key = `${place}\0${listPrefix ?? violation.message}`;
    const previous = byKey.get(key);
    if (!previous) {
      byKey.set(key, { ...violation });
    } else if (listPrefix) {
      const known = new Set(previous.message.slice(listPrefix.length).split(', '));
      const added = violation.message.slice(listPrefix.length).split(', ').filter((value) => !known.has(value));
      if (added.length > 0) previous.message += `, ${added.join(', ')}`;
    }
  }
  return [...byKey.values()];
}

function formatValues(values: readonly unknown[]): string {
  return values.map((value) => (typeof value === 'string' ? `'${value}'` : JSON.stringify(value))).join(', ');
}

function parentPointer(instancePath: string): string {
  return instancePath.slice(0, Math.max(0, instancePath.lastIndexOf('/')));
}

function isWithin(instancePath: string, object: string): boolean {
  return instancePath === object || instancePath.startsWith(object + '/');
}

function lastSegment(instancePath: string): string {
  return instancePath.slice(instancePath.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');
}

function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
