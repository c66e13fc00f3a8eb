/** readBoundedText: an authorization server's answer read as text, with a size limit. */
import { expect, it } from 'vitest';
import { readBoundedText } from '../../../../src/runtime/oauth2/bounded-body.js';
const stream = (parts: number[][]) => new Response(new ReadableStream({ start(c) { for (const p of parts) c.enqueue(new Uint8Array(p)); c.close(); } }));
it('decodes UTF-8 whole (a character split between chunks joined, a BOM dropped, a bad byte replaced), stops past the limit, reads no body as empty text', async () => {
  const bytes = [...new TextEncoder().encode('{"a":"é€"}')];
  expect(await readBoundedText(stream([bytes.slice(0, 7), bytes.slice(7, 9), bytes.slice(9)]), 100)).toBe('{"a":"é€"}');
  expect(await readBoundedText(stream([[0xef, 0xbb, 0xbf, 0x41]]), 100)).toBe('A');
  expect(await readBoundedText(stream([[0x41, 0xff]]), 100)).toBe('A\uFFFD');
  expect(await readBoundedText(stream([[1, 2, 3], [4, 5]]), 4)).toBeUndefined();
  expect(await readBoundedText(new Response(null), 4)).toBe('');
});
