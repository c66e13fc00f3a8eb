import type { MediaModel, OperationModel, TypeNode } from '../model/index.js';

const SUCCESS = /^2(\d\d|XX)$/i;

/** `200`, `204`, `2XX`: a response status the generated client treats as success. */
export function isSuccessStatus(status: string): boolean {
  return SUCCESS.test(status);
}

/**
 * How the runtime reads a body of this media: `stream` for `text/event-stream` (the Response body,
 * unread), `blob` for binary media or a `format: binary` schema, `text` for text and XML, `json`.
 * Form and multipart answers are binary to the runtime too.
 */
export type ResultKind = 'json' | 'text' | 'blob' | 'stream';

export function resultKind(media: MediaModel): ResultKind {
  if (media.mediaType.split(';')[0]!.trim().toLowerCase() === 'text/event-stream') return 'stream';
  if (media.type.kind === 'primitive' && media.type.name === 'Blob') return 'blob';
  if (media.encoding === 'json' || media.encoding === 'text') return media.encoding;
  return 'blob';
}

/** The type a body of this media resolves to: the schema's for JSON; string, Blob or the byte stream otherwise, whatever the schema says. */
function resultTypeOf(media: MediaModel): TypeNode {
  switch (resultKind(media)) {
    case 'json':
      return media.type;
    case 'text':
      // The text as sent: a string schema's literals still describe it, anything else does not.
      return isStringType(media.type) ? media.type : { kind: 'primitive', name: 'string' };
    case 'blob':
      return { kind: 'primitive', name: 'Blob' };
    case 'stream':
      return { kind: 'primitive', name: 'ByteStream' };
  }
}

function isStringType(type: TypeNode): boolean {
  if (type.kind === 'primitive') return type.name === 'string';
  if (type.kind === 'literal') return typeof type.value === 'string';
  return type.kind === 'union' && type.members.length > 0 && type.members.every(isStringType);
}

/**
 * `stream` or `blob` when every 2xx response with content is read that way, for the runtime to read
 * it so whatever Content-Type the server sends; undefined otherwise (read by Content-Type).
 */
export function successReading(op: OperationModel): 'stream' | 'blob' | undefined {
  const kinds = new Set<ResultKind>();
  for (const response of op.responses) {
    if (!isSuccessStatus(response.status)) continue;
    const media = preferredMedia(response.contents);
    if (media) kinds.add(resultKind(media));
  }
  const [only] = kinds;
  return kinds.size === 1 && (only === 'stream' || only === 'blob') ? only : undefined;
}

/**
 * What a method resolves to: the union of every 2xx response's body type (the JSON media when a
 * response offers several; see resultTypeOf for the others), plus `undefined` when some 2xx response
 * has no body. Undefined when no 2xx response has a body; `unknown` when the spec declares no 2xx
 * response, since then nothing is known about success.
 */
export function successResult(op: OperationModel): TypeNode | undefined {
  const successes = op.responses.filter((r) => isSuccessStatus(r.status));
  if (successes.length === 0) return { kind: 'primitive', name: 'unknown' };
  const members: TypeNode[] = [];
  let bodiless = false;
  const seen = new Set<string>();
  for (const response of successes) {
    const media = preferredMedia(response.contents);
    if (!media) {
      bodiless = true;
      continue;
    }
    const type = resultTypeOf(media);
    // Two 2xx answers read the same way (`200` and `206` Blobs) are one member.
    const key = type.kind === 'primitive' ? type.name : undefined;
    if (key !== undefined && seen.has(key)) continue;
    if (key !== undefined) seen.add(key);
    members.push(type);
  }
  if (members.length === 0) return undefined;
  if (bodiless) members.push({ kind: 'primitive', name: 'undefined' });
  return members.length === 1 ? members[0] : { kind: 'union', members };
}

/** The JSON media when a response offers several, else its first. */
export function preferredMedia(contents: readonly MediaModel[]): MediaModel | undefined {
  return contents.find((c) => c.encoding === 'json') ?? contents[0];
}
