import { describe, expect, it } from 'vitest';
import { asciiJsonText } from '../../../src/load/ascii-json-text.js';

const BLOCK = 16 * 1024;
/** A string value whose `characters` start `offset` bytes into the text. */
const charactersAt = (offset: number, characters: string): string => `{"pad": "${'x'.repeat(offset - 9)}${characters}"}`;

describe('asciiJsonText', () => {
  it.each([
    ['pure ASCII', '{"a": [1, "b\\u00e9"]}'],
    ['Latin-1 and BMP characters', '{"stadt": "Zürich", "cup": "☕", "ümlaut-key": "ß"}'],
    ['astral characters (surrogate pairs)', '{"emoji": "😀 and 𝄞"}'],
    ['non-ASCII after an escaped backslash', '{"a": "\\\\é"}'],
    ['non-ASCII next to escapes', '{"a": "\\"é\\u00e9\\n"}'],
    ['a character split across the 16 KiB block boundary', charactersAt(BLOCK - 1, '€€')],
    ['a run ending exactly at the block boundary', charactersAt(BLOCK - 4, '😀')],
    ['characters at the start of the second block', charactersAt(BLOCK, 'é')],
    ['characters in many blocks', `[${Array.from({ length: 40 }, (_, i) => `"${'y'.repeat(1000)}${i % 3 ? 'é' : '😀'}"`).join(',')}]`],
  ])('%s: parses to the same value, as ASCII', (_name, text) => {
    const bytes = Buffer.from(text);
    const ascii = asciiJsonText(bytes);
    expect(ascii).toBeDefined();
    expect(/^[\x00-\x7f]*$/.test(ascii!)).toBe(true);
    expect(JSON.parse(ascii!)).toEqual(JSON.parse(text));
  });

  it('invalid UTF-8 means U+FFFD, as when decoding', () => {
    const bytes = Buffer.concat([Buffer.from('{"a": "'), Buffer.from([0xc3, 0xff, 0xe2, 0x82]), Buffer.from('x"}')]);
    expect(JSON.parse(asciiJsonText(bytes)!)).toEqual(JSON.parse(bytes.toString('utf8')));
  });

  it('gives up on a non-ASCII character right after a backslash: escaping it would make invalid JSON valid', () => {
    expect(asciiJsonText(Buffer.from('{"a": "\\é"}'))).toBeUndefined();
    expect(asciiJsonText(Buffer.from('{"a": "\\\\\\é"}'))).toBeUndefined();
  });

  it('gives up on mostly non-Latin text', () => {
    const words = Array.from({ length: 5000 }, () => '"日本"').join(', ');
    expect(asciiJsonText(Buffer.from(`[${words}]`))).toBeUndefined();
    expect(asciiJsonText(Buffer.from(`["${'日本'.repeat(5000)}"]`))).toBeDefined(); // one run
  });
});
