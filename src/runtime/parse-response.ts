export type BodyKind = 'json' | 'text' | 'blob' | 'stream';

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
 * value matches the method's type; an empty Blob is then still a Blob. Invalid JSON rejects, naming
 * the operation; without one (an error answer's body, readErrorBody) it stays text.
 */
export async function readSuccessBody(response: Response, method: string, operation?: string, as?: 'stream' | 'blob'): Promise<unknown> {
  const { status, body } = response;
  if (body === null || status === 204 || status === 205 || /^HEAD$/i.test(method)) return void (await discardBody(response));
  let kind: BodyKind | undefined = as;
  if (!kind) {
    // How a body of this Content-Type is read: JSON (`application/json`, `*+json`), the unread stream
    // (`text/event-stream`: it may never end, so it is never buffered), text (`text/*`, XML), else a Blob.
    const mime = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    kind = /^application\/json$|\+json$/.test(mime) ? 'json' : mime === 'text/event-stream' ? 'stream' : /^text\/|^application\/xml$|\+xml$/.test(mime) ? 'text' : 'blob';
  }
  if (kind === 'stream') return body;
  if (kind === 'blob') {
    const blob = await response.blob();
    // An empty body read by its Content-Type is no body; one the document declares binary is still a Blob.
    return as || blob.size ? blob : undefined;
  }
  const text = await response.text();
  if (kind === 'text' || !text) return text || undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (operation === undefined) return text;
    throw new Error(`${operation}: the ${status} response's JSON does not parse`, { cause: error });
  }
}

/** The parsed body of an error response: like a success body, but JSON that does not parse stays text. */
export function readErrorBody(response: Response, method: string): Promise<unknown> {
  return readSuccessBody(response, method);
}
