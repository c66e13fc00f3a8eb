export type BodyKind = 'json' | 'text' | 'blob' | 'stream';

/**
 * How a body of this Content-Type is read: JSON (`application/json`, `*+json`), the unread stream
 * (`text/event-stream`: it may never end, so it is never buffered), text (`text/*`, XML), else a Blob.
 */
export function bodyKindOf(contentType: string | null): BodyKind {
  const mime = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return /^application\/json$|\+json$/.test(mime) ? 'json' : mime === 'text/event-stream' ? 'stream' : /^text\/|^application\/xml$|\+xml$/.test(mime) ? 'text' : 'blob';
}

function hasNoBody(response: Response, method: string): boolean {
  return response.body === null || response.status === 204 || response.status === 205 || /^HEAD$/i.test(method);
}

/** Drops an unread body so the connection can be reused; a body already read is fine too. */
export async function discardBody(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Already consumed or locked: nothing left to free.
  }
}

/**
 * The body of a 2xx response; undefined when there is none. `as`: what the document declares the
 * success body to be (a stream or binary), which wins over the Content-Type the server sent, so the
 * value matches the method's type; an empty Blob is then still a Blob. Invalid JSON rejects.
 */
export async function readSuccessBody(response: Response, method: string, operation: string, as?: 'stream' | 'blob'): Promise<unknown> {
  if (as !== undefined && !hasNoBody(response, method)) return as === 'stream' ? response.body : response.blob();
  return readBody(response, method, (_text, error) => {
    throw new Error(`${operation}: the ${response.status} response says JSON but its body does not parse`, { cause: error });
  });
}

/** The parsed body of an error response: like a success body, but JSON that does not parse stays text. */
export function readErrorBody(response: Response, method: string): Promise<unknown> {
  return readBody(response, method, (text) => text);
}

async function readBody(response: Response, method: string, onInvalidJson: (text: string, error: unknown) => unknown): Promise<unknown> {
  if (hasNoBody(response, method)) {
    if (response.body !== null) await discardBody(response);
    return undefined;
  }
  const kind = bodyKindOf(response.headers.get('content-type'));
  if (kind === 'stream') return response.body;
  if (kind === 'blob') {
    const blob = await response.blob();
    return blob.size === 0 ? undefined : blob;
  }
  const text = await response.text();
  if (text === '') return undefined;
  if (kind === 'text') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return onInvalidJson(text, error);
  }
}
