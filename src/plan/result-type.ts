import type { MediaModel, OperationModel, TypeNode } from '../model/index.js';

const SUCCESS = /^2(\d\d|XX)$/i;

/** `200`, `204`, `2XX`: a response status the generated client treats as success. */
export function isSuccessStatus(status: string): boolean {
  return SUCCESS.test(status);
}

/**
 * What a method resolves to: the union of every 2xx response's body type (the JSON media when a
 * response offers several), plus `undefined` when some 2xx response has no body. Undefined when no
 * 2xx response has a body; `unknown` when the spec declares no 2xx response, since then nothing is
 * known about success.
 */
export function successResult(op: OperationModel): TypeNode | undefined {
  const successes = op.responses.filter((r) => isSuccessStatus(r.status));
  if (successes.length === 0) return { kind: 'primitive', name: 'unknown' };
  const members: TypeNode[] = [];
  let bodiless = false;
  for (const response of successes) {
    const media = preferredMedia(response.contents);
    if (media) members.push(media.type);
    else bodiless = true;
  }
  if (members.length === 0) return undefined;
  if (bodiless) members.push({ kind: 'primitive', name: 'undefined' });
  return members.length === 1 ? members[0] : { kind: 'union', members };
}

/** The JSON media when a response offers several, else its first. */
export function preferredMedia(contents: readonly MediaModel[]): MediaModel | undefined {
  return contents.find((c) => c.encoding === 'json') ?? contents[0];
}
