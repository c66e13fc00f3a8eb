/**
 * Escaping for the generated README. Spec text is untrusted: it may try to end a table cell, open a
 * heading or list, start a code fence, or carry HTML (`</script>`, `<img onerror>`). Everything
 * from the spec reaches the README through one of these, and comes out as the literal text.
 */

import { htmlToMarkdown, looksLikeHtml } from './html-to-markdown.js';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Characters that mean something anywhere in a line (`#` too: a heading drops a trailing run of them).
 * `<`, `>` and `&` become entities: no HTML survives.
 */
function escapeAnywhere(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~#]/g, '\\$&');
}

/** Characters that mean something only at the start of a line: lists and setext underlines. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([+\-=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

function normalize(text: string): string {
  return text.replace(/\r\n?|\u2028|\u2029/g, '\n').replace(CONTROL, '');
}

/** Spec text inside one line (a heading, a list item, a table cell): line breaks become spaces. Tags stay text here: only descriptions (mdBlock) are read as HTML. */
export function mdInline(text: string): string {
  return escapeAnywhere(normalize(text).replace(/\s*\n\s*/g, ' ').trim());
}

/**
 * Spec text as paragraphs of its own (descriptions): line breaks and blank lines are kept, every
 * line is escaped, and indentation is dropped so nothing becomes a code block.
 */
export function mdBlock(text: string): string {
  // HTML (AWS descriptions) becomes Markdown: the document's text is escaped, the markup made from its tags is kept.
  if (looksLikeHtml(text)) return htmlToMarkdown(normalize(text), (run, lineStart) => (lineStart ? escapeLineStart(escapeAnywhere(run)) : escapeAnywhere(run)));
  return normalize(text)
    .split('\n')
    .map((line) => escapeLineStart(escapeAnywhere(line.trim())))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Text as an inline code span. Backslashes and entities are literal inside code, so the span's
 * fence is simply longer than any backtick run in the text. In a table cell, `|` must still be
 * written `\|` (GitHub splits cells before it parses code spans).
 */
export function mdCode(text: string, options: { inTable?: boolean } = {}): string {
  let value = normalize(text).replace(/\n/g, ' ');
  if (options.inTable) value = value.replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = value.startsWith('`') || value.endsWith('`') || value === '' ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** A fenced code block whose fence no line of `code` can close. */
export function mdFence(code: string, language: string): string {
  const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${code.replace(/\n$/, '')}\n${fence}`;
}
