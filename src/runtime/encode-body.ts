import { definedEntries, isPropertyMap } from './args.js';
import type { BodyInit } from './fetch-types.js';
import type { BodySpec } from './operation.js';
import { toParamText } from './uri-encoding.js';

export interface EncodedBody {
  body: BodyInit;
  /** Undefined for multipart: fetch must write the header itself, boundary included. */
  contentType: string | undefined;
  /** False for a stream: it can be read once, so the request cannot be re-sent. */
  replayable: boolean;
  /** A form body's exact text (what OAuth 1.0a signs), given as the request's formBody (build-request.ts). */
  formBody?: string;
}

// The BodyEncoders (operation.ts), one per encoding: the generated spec names the one its body needs.

export function encodeJsonBody(spec: BodySpec, value: unknown, operation: string): EncodedBody {
  const json: string | undefined = JSON.stringify(value);
  if (json === undefined) throw new TypeError(`${operation}: the request body cannot be encoded as JSON`);
  return { body: json, contentType: spec.mediaType, replayable: true };
}

export function encodeFormBody(spec: BodySpec, value: unknown, operation: string): EncodedBody {
  const form = encodeForm(value, operation);
  return { body: form, contentType: spec.mediaType, replayable: true, formBody: String(form) };
}

export function encodeMultipartBody(_spec: BodySpec, value: unknown, operation: string): EncodedBody {
  return { body: encodeMultipart(value, operation), contentType: undefined, replayable: true };
}

export function encodeTextBody(spec: BodySpec, value: unknown): EncodedBody {
  return { body: String(value), contentType: spec.mediaType, replayable: true };
}

export function encodeBinaryBody(spec: BodySpec, value: unknown, operation: string): EncodedBody {
  if (typeof ReadableStream !== 'undefined' && value instanceof ReadableStream) {
    return { body: value, contentType: spec.mediaType, replayable: false };
  }
  if (typeof value === 'string' || value instanceof Blob || value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    // Typed arrays over a SharedArrayBuffer are not BufferSource in lib.dom; fetch accepts any view.
    return { body: value as BodyInit, contentType: spec.mediaType, replayable: true };
  }
  throw new TypeError(`${operation}: a binary body must be a Blob, ArrayBuffer, typed array, string or ReadableStream`);
}

/** Property-map fields in order; arrays repeat the field, nested objects travel as JSON. */
function fieldsOf(value: unknown, operation: string, kind: string): Array<[string, unknown]> {
  if (!isPropertyMap(value)) throw new TypeError(`${operation}: a ${kind} body must be an object`);
  const fields: Array<[string, unknown]> = [];
  for (const [name, field] of definedEntries(value)) {
    if (field === null) continue;
    for (const item of Array.isArray(field) ? field : [field]) fields.push([name, item]);
  }
  return fields;
}

function encodeForm(value: unknown, operation: string): URLSearchParams {
  if (value instanceof URLSearchParams) return new URLSearchParams(value);
  const form = new URLSearchParams();
  for (const [name, item] of fieldsOf(value, operation, 'form')) form.append(name, toParamText(item));
  return form;
}

function encodeMultipart(value: unknown, operation: string): FormData {
  if (value instanceof FormData) return value;
  const form = new FormData();
  for (const [name, item] of fieldsOf(value, operation, 'multipart')) {
    if (item instanceof Blob) form.append(name, item);
    else form.append(name, toParamText(item));
  }
  return form;
}
