/** Spec text in the README is untrusted: each escaper turns it into the literal text, whatever it holds. */
import { describe, expect, it } from 'vitest';
import { mdBlock, mdCode, mdFence, mdInline } from '../../../src/readme/markdown.js';

describe('mdInline', () => {
  it.each([
    { name: 'plain text', text: 'List pets', want: 'List pets' },
    { name: 'a pipe cannot end a table cell', text: 'a | b', want: 'a \\| b' },
    { name: 'HTML is shown, not run', text: '</script><img src=x onerror=alert(1)>', want: '&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;' },
    { name: 'entities stay literal', text: 'AT&T &lt;', want: 'AT&amp;T &amp;lt;' },
    { name: 'emphasis, code and links are literal', text: '*a* _b_ `c` [d](javascript:x) ~~e~~', want: '\\*a\\* \\_b\\_ \\`c\\` \\[d\\](javascript:x) \\~\\~e\\~\\~' },
    { name: 'line breaks become spaces', text: 'one\n\n# two\r\nthree', want: 'one \\# two three' },
    { name: 'backslashes are literal', text: 'C:\\path\\', want: 'C:\\\\path\\\\' },
    { name: 'control characters are dropped', text: 'a\u0000b\u001bc', want: 'abc' },
  ])('$name', ({ text, want }) => {
    expect(mdInline(text)).toBe(want);
  });
});

describe('mdBlock', () => {
  it.each([
    { name: 'a heading cannot open a section', text: '# Owned\n## Too', want: '\\# Owned\n\\#\\# Too' },
    { name: 'lists and quotes stay text', text: '- a\n+ b\n1. c\n2) d\n> e', want: '\\- a\n\\+ b\n1\\. c\n2\\) d\n&gt; e' },
    { name: 'a setext underline is not a heading', text: 'Title\n===\nSub\n---', want: 'Title\n\\===\nSub\n\\---' },
    { name: 'a fence cannot open a code block', text: '```html\n<script>x</script>\n```', want: '\\`\\`\\`html\n&lt;script&gt;x&lt;/script&gt;\n\\`\\`\\`' },
    { name: 'indentation does not make a code block', text: 'a\n\n    indented', want: 'a\n\nindented' },
    { name: 'paragraphs are kept, runs of blank lines collapsed', text: 'a\n\n\n\nb', want: 'a\n\nb' },
  ])('$name', ({ text, want }) => {
    expect(mdBlock(text)).toBe(want);
  });
});

describe('mdCode', () => {
  it.each([
    { text: '/pets/{id}', options: {}, want: '`/pets/{id}`' },
    { text: 'a`b', options: {}, want: '``a`b``' },
    { text: '`x`', options: {}, want: '`` `x` ``' },
    { text: 'a|b', options: { inTable: true }, want: '`a\\|b`' },
    { text: 'a|b', options: {}, want: '`a|b`' },
    { text: 'two\nlines', options: {}, want: '`two lines`' },
  ])('$text $options', ({ text, options, want }) => {
    expect(mdCode(text, options)).toBe(want);
  });
});

describe('mdFence', () => {
  it('uses a fence longer than any backtick run in the code', () => {
    expect(mdFence('const a = "```";\n', 'ts')).toBe('````ts\nconst a = "```";\n````');
    expect(mdFence('x', 'sh')).toBe('```sh\nx\n```');
  });
});

describe('HTML descriptions in the README', () => {
  it.each([
    ['paragraphs, code, bold, a link and a list become Markdown', '<p>Use <code>ListTables</code>, <b>not</b> Scan: <a href="https://docs.aws.amazon.com/x">guide</a>.</p><ul><li>one</li><li>two</li></ul>', 'Use `ListTables`, **not** Scan: [guide](https://docs.aws.amazon.com/x).\n\n- one\n- two'],
    ["the document's text inside is still escaped: no raw HTML, no stray emphasis or heading", '<p>&lt;script&gt;alert(1)&lt;/script&gt; a*b</p><p># not a heading</p>', '&lt;script&gt;alert(1)&lt;/script&gt; a\\*b\n\n\\# not a heading'],
    ['a paragraph that starts like a list item is not one', '<p>1. first</p>', '1\\. first'],
  ])('%s', (_, given, want) => expect(mdBlock(given)).toBe(want));

  it('inline text (titles, table cells, a bearer format) keeps its tags as text', () => {
    expect(mdInline('JWT <i>')).toBe('JWT &lt;i&gt;');
  });
});
