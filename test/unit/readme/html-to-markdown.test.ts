/** readme/html-to-markdown.ts: HTML descriptions (AWS style) in, Markdown out. */
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../../src/readme/html-to-markdown.js';

describe('htmlToMarkdown', () => {
  it.each([
    ['plain text is unchanged', { given: 'Returns the pet.', want: 'Returns the pet.' }],
    ['Markdown and entities without HTML are unchanged', { given: '**Bold** &amp; `code` with List<String>', want: '**Bold** &amp; `code` with List<String>' }],
    ['paragraphs', { given: '<p>First.</p><p>Second.</p>', want: 'First.\n\nSecond.' }],
    ['whitespace collapses as in HTML', { given: '<p>One\n   two\tthree</p>', want: 'One two three' }],
    ['Markdown line breaks and blank lines between HTML blocks are kept', { given: 'Lists pets.\n\nUse <b>limit</b> to page:\n- small\n- large', want: 'Lists pets.\n\nUse **limit** to page:\n- small\n- large' }],
    ['after an HTML block, the Markdown text keeps its lines', { given: '<p>One\ntwo.</p>\n\nThree\nfour', want: 'One two.\n\nThree\nfour' }],
    ['a link label across lines is one line', { given: 'see <a href="https://x.example/">the\n  docs</a>', want: 'see [the docs](https://x.example/)' }],
    ['br is a line break', { given: '<p>a<br/>b<br>c</p>', want: 'a\nb\nc' }],
    ['code, bold and italics', { given: '<p>Use <code>ListTables</code>, <b>not</b> <i>Scan</i> or <strong>x</strong> <em>y</em>.</p>', want: 'Use `ListTables`, **not** *Scan* or **x** *y*.' }],
    ['code holding a backtick gets a longer fence', { given: '<p><code>a`b</code></p>', want: '``a`b``' }],
    ['entities decoded inside HTML', { given: '<p>&lt;Key&gt; &amp; &quot;q&quot; &#39;s&#39; &#x41;&nbsp;B</p>', want: '<Key> & "q" \'s\' A B' }],
    ['a link', { given: '<p>See <a href="https://docs.aws.amazon.com/x.html">the guide</a>.</p>', want: 'See [the guide](https://docs.aws.amazon.com/x.html).' }],
    ['a link without text shows its URL', { given: '<p><a href="https://a.test/"></a></p>', want: '<https://a.test/>' }],
    ['a javascript: link keeps only its text', { given: '<p><a href="javascript:alert(1)">click</a></p>', want: 'click' }],
    ['a link target cannot end the destination', { given: '<p><a href="https://a.test/x) y">t</a></p>', want: '[t](https://a.test/x%29%20y)' }],
    ['unordered list', { given: '<p>Either:</p><ul><li><p>one</p></li><li>two</li></ul><p>After.</p>', want: 'Either:\n\n- one\n- two\n\nAfter.' }],
    ['ordered list', { given: '<ol><li>first</li><li>second</li></ol>', want: '1. first\n2. second' }],
    ['nested list', { given: '<ul><li>a<ul><li>a1</li></ul></li><li>b</li></ul>', want: '- a\n  - a1\n- b' }],
    ['pre is a fenced block', { given: '<p>Example:</p><pre>{\n  "a": 1\n}</pre>', want: 'Example:\n\n```\n{\n  "a": 1\n}\n```' }],
    ['AWS wrappers (note, fullname, important) dropped, content kept', { given: '<fullname>Amazon S3</fullname><note><p>Careful.</p></note>', want: 'Amazon S3\n\nCareful.' }],
    ['unknown tags inside HTML stay as text', { given: '<p>A Map<String> here</p>', want: 'A Map<String> here' }],
    ['an unclosed code still ends', { given: '<p><code>x', want: '`x`' }],
  ])('%s', (_, { given, want }) => expect(htmlToMarkdown(given)).toBe(want));

  it('passes only the document\'s text through the escaper, never its own markup', () => {
    const escaped = htmlToMarkdown('<p>a*b <b>c_d</b></p><ul><li>1. x</li></ul>', (text, lineStart) => (lineStart ? '^' : '') + text.replace(/[*_]/g, '\\$&'));
    expect(escaped).toBe('^a\\*b **c\\_d**\n\n- ^1. x');
  });
});
