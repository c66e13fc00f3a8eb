/**
 * words() splits ASCII text with ASCII patterns (a fast path); the names must be the ones the
 * Unicode patterns give, which this file writes out again as the reference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { camelCase, pascalCase, toIdentifier } from '../../../src/plan/identifiers.js';

/** The Unicode path of words(), for text whose words are all ASCII. */
function referenceWords(text: string): string[] {
  return text
    .replace(/['’]/g, '')
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const referencePascal = (text: string) => referenceWords(text).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

// identifier-ish ASCII: letters of both cases, digits, separators, quotes and the odd control character
const asciiText = fc.stringMatching(/^[A-Za-z0-9 _\-./{}'$\t\x00-\x1f\x7f]{0,24}$/);

describe('identifier words of ASCII text', () => {
  it('are the words the Unicode patterns find', () => {
    fc.assert(
      fc.property(asciiText, (text) => {
        expect(pascalCase(text)).toBe(referencePascal(text));
      }),
      { numRuns: 5000, seed: 14 },
    );
  });

  it.each([
    ['get /repos/{owner}/{repo}/pulls', 'getReposOwnerRepoPulls'],
    ['URLLookup', 'urlLookup'],
    ['GET_AssumeRole', 'getAssumeRole'],
    ["it's-a pet", 'itsAPet'],
    ['HTTPServer2Go', 'httpServer2Go'],
  ])('camelCase(%j) is %j', (text, want) => expect(camelCase(text)).toBe(want));

  it('a name is checked on its first code point', () => {
    expect(toIdentifier('2fa', 'camel', 'x')).toBe('_2fa');
    expect(toIdentifier('über alles', 'camel', 'x')).toBe('überAlles');
    expect(toIdentifier('ελληνικά', 'pascal', 'x')).toBe('Ελληνικά');
  });
});
