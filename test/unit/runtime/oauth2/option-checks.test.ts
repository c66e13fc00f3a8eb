/** The option kinds: what each accepts and refuses, and the message of a refusal (never the value). */
import { describe, expect, it } from 'vitest';
import { BOOLEAN, EPOCH_MS, FUNCTION, oneOf, option, STRING, STRING_MAP, STRINGS, TEXT, type OptionKind } from '../../../../src/runtime/oauth2/option-checks.js';
import { madeBy, OAUTH_PART } from '../../../../src/runtime/oauth2/oauth-part.js';
import { RESOURCES } from '../../../../src/runtime/oauth2/grant-options.js';

const WHERE = 'security scheme "s": ';

const KINDS: [name: string, kind: OptionKind, fits: unknown[], refused: unknown[], must: string][] = [
  ['STRING', STRING, ['', 'x'], [1, null, ['x']], 'a string'],
  ['TEXT', TEXT, ['x'], ['', 1, null], 'a non-empty string'],
  ['STRINGS', STRINGS, [[], ['a', 'b']], ['a', [1], { 0: 'a' }], 'an array of strings'],
  ['STRING_MAP', STRING_MAP, [{}, { a: 'b' }], [null, 'a=b', { a: 1 }], 'a map of names to strings'],
  ['BOOLEAN', BOOLEAN, [true, false], ['true', 0], 'true or false'],
  ['FUNCTION', FUNCTION, [() => 1], [{}, 'f'], 'a function'],
  ['EPOCH_MS', EPOCH_MS, [0, 1_700_000_000_000], [Number.NaN, Infinity, '1'], 'epoch milliseconds'],
  ['oneOf', oneOf(['form', 'raw']), ['form', 'raw'], ['base64', undefined, null], 'one of form, raw'],
  ['RESOURCES', RESOURCES, ['https://api.example/', ['urn:a', 'https://b.example/x']], ['/relative', 'https://a/#f', [5], [['https://a/']]], 'an absolute URI without a fragment, or a list of them'],
];

describe('option kinds', () => {
  it.each(KINDS)('%s', (_, kind, fits, refused, must) => {
    for (const value of fits) expect(option({ o: value }, 'o', kind, WHERE), String(value)).toBe(value);
    for (const value of refused) expect(() => option({ o: value }, 'o', kind, WHERE, true), String(value)).toThrow(new TypeError(`${WHERE}o must be ${must}`));
  });

  it('madeBy: a part of the kind the option is named for', () => {
    const kind = madeBy('dpop()');
    const part = { [OAUTH_PART]: 'dpop' };
    expect(option({ dpop: part }, 'dpop', kind, WHERE)).toBe(part);
    for (const value of [{ [OAUTH_PART]: 'clientAuth' }, true, null]) expect(() => option({ dpop: value }, 'dpop', kind, WHERE, true), String(value)).toThrow(new TypeError(`${WHERE}dpop must be made by dpop()`));
    // The same part under another option's name is refused.
    expect(() => option({ clientAuth: part }, 'clientAuth', kind, WHERE)).toThrow(new TypeError(`${WHERE}clientAuth must be made by dpop()`));
  });

  it('checks an absent option only when it is required, and reads own properties only', () => {
    expect(option({}, 'o', TEXT, WHERE)).toBeUndefined();
    expect(() => option({}, 'o', TEXT, WHERE, true)).toThrow(new TypeError(`${WHERE}o must be a non-empty string`));
    expect(option(Object.create({ o: 5 }) as object, 'o', TEXT, WHERE)).toBeUndefined();
  });
});
