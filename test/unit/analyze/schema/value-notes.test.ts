/** analyze/schema/value-notes.ts: a schema in, what its doc comment will say of its values out. */
import { describe, expect, it } from 'vitest';
import { valueNotes } from '../../../../src/analyze/schema/value-notes.js';

describe('valueNotes', () => {
  it.each([
    ['nothing to say', { given: [{ type: 'string' }], want: undefined }],
    ['not a schema', { given: [true], want: undefined }],
    ['default and example as JSON text', { given: [{ default: 20, example: { a: 'x' } }], want: { default: '20', example: '{"a":"x"}' } }],
    ['a string default is quoted', { given: [{ default: 'asc' }], want: { default: '"asc"' } }],
    ['the first of examples (2020-12)', { given: [{ examples: ['a', 'b'] }], want: { example: '"a"' } }],
    ["the parameter's own example wins", { given: [{ example: 1 }, 2], want: { example: '2' } }],
    ['format and pattern; binary is the Blob type already', { given: [{ format: 'date-time', pattern: '^a*/$' }], want: { format: 'date-time', pattern: '^a*/$' } }],
    ['format: binary says nothing more', { given: [{ format: 'binary' }], want: undefined }],
    ['bounds', { given: [{ minimum: 1, maximum: 100, minLength: 0, maxLength: 64 }], want: { minimum: 1, maximum: 100, minLength: 0, maxLength: 64 } }],
    ['3.0 exclusive bounds: a flag beside the bound', { given: [{ minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: false }], want: { exclusiveMinimum: 0, maximum: 10 } }],
    ['2020-12 exclusive bounds: numbers', { given: [{ exclusiveMinimum: 0, exclusiveMaximum: 1 }], want: { exclusiveMinimum: 0, exclusiveMaximum: 1 } }],
    ['odd values are dropped', { given: [{ minimum: 'x', maxLength: -1, minLength: 1.5, format: '', pattern: 7 }], want: undefined }],
    ['inherited keys are not keywords', { given: [Object.create({ default: 1 })], want: undefined }],
  ])('%s', (_, { given, want }) => expect(valueNotes(...(given as [unknown, unknown?]))).toEqual(want));
});
