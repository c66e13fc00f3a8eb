/**
 * Reads an authorization server's answer with a size limit: a token, device or metadata answer is
 * a few hundred bytes, and one that never ends must not exhaust memory before it fails.
 */

/** The default limit on a token, device or metadata answer. */
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

/** The body as text, or undefined once it passes `maxBytes` (the rest is not read). */
export async function readBoundedText(response: Response, maxBytes: number): Promise<string | undefined> {
  const { body } = response;
  // A declared length past the limit is refused unread (NaN, no or a bad header, compares false).
  if (Number(response.headers.get('content-length')) > maxBytes) return void (await body?.cancel().catch(() => undefined));
  if (!body) return '';
  const reader = body.getReader();
  // Decoded as it streams in: a character split between chunks is joined (stream: true).
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    if ((size += value.byteLength) > maxBytes) return void (await reader.cancel().catch(() => undefined));
    text += decoder.decode(value, { stream: true });
  }
}
