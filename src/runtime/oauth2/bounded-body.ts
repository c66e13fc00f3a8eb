/**
 * Reads an authorization server's answer with a size limit: a token, device or metadata answer is
 * a few hundred bytes, and one that never ends must not exhaust memory before it fails.
 */

type BlobParts = Exclude<ConstructorParameters<typeof Blob>[0], undefined> & unknown[];

/** The default limit on a token, device or metadata answer. */
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

/** The body as text, or undefined once it passes `maxBytes` (the rest is not read). */
export async function readBoundedText(response: Response, maxBytes: number): Promise<string | undefined> {
  const reader = response.body?.getReader();
  // Blob's own parameter type: lib.dom calls it BlobPart, @types/node without DOM has no such name.
  const chunks: BlobParts = [];
  // A declared length past the limit is refused unread (NaN, no or a bad header, compares false).
  let size = Number(response.headers.get('content-length')) > maxBytes ? Infinity : 0;
  for (;;) {
    if (size > maxBytes) return void (await reader?.cancel().catch(() => undefined));
    if (!reader) return '';
    const { done, value } = await reader.read();
    // Decoded whole at the end (UTF-8, as Response.text() does): a character split between chunks is joined.
    if (done) return new Blob(chunks).text();
    size += value.byteLength;
    // A fetch body's chunks are ArrayBuffer-backed (lib.dom types them ArrayBufferLike: a SharedArrayBuffer cannot be a BlobPart).
    chunks.push(value as BlobParts[number]);
  }
}
