/** emit/value-notes-doc.ts and its path into doc comments: tags in a fixed order, spec text escaped. */
import { describe, expect, it } from 'vitest';
import { docComment } from '../../../src/emit/escape.js';
import { noteTags } from '../../../src/emit/value-notes-doc.js';

describe('noteTags', () => {
  it('writes JSON Schema names as block tags, format and pattern first, default and example last', () => {
    expect(noteTags({ example: '"Rex"', default: '20', maxLength: 64, minLength: 1, exclusiveMaximum: 9, maximum: 8, exclusiveMinimum: 0, minimum: 1, pattern: '^a$', format: 'date-time' })).toBe(
      ['@format date-time', '@pattern ^a$', '@minimum 1', '@exclusiveMinimum 0', '@maximum 8', '@exclusiveMaximum 9', '@minLength 1', '@maxLength 64', '@default 20', '@example "Rex"'].join('\n'),
    );
  });

  it('nothing, or a long example, says nothing', () => {
    expect(noteTags(undefined)).toBeUndefined();
    expect(noteTags({})).toBeUndefined();
    expect(noteTags({ example: JSON.stringify('x'.repeat(400)) })).toBeUndefined();
  });

  it('a pattern or example that holds */ cannot end the comment', () => {
    const doc = docComment(['Name.', noteTags({ pattern: '^a*/$', example: '"*/ export const pwned = 1; /*"' })], '  ');
    expect(doc).toBe('  /**\n   * Name.\n   *\n   * @pattern ^a*\\/$\n   * @example "*\\/ export const pwned = 1; /*"\n   */\n');
    expect(doc.slice(0, -4)).not.toContain('*/');
  });

  it('keeps a value that looks like HTML as the document wrote it: only prose becomes Markdown', () => {
    const doc = docComment(['<p>A <b>bold</b> name.</p>', noteTags({ pattern: '^<b>[a-z]+</b>$', example: '"<p>Rex</p>"' })]);
    expect(doc).toBe('/**\n * A **bold** name.\n *\n * @pattern ^<b>[a-z]+</b>$\n * @example "<p>Rex</p>"\n */\n');
  });
});
