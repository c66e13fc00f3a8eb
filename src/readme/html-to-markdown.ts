/**
 * HTML in descriptions (AWS documents write `<p>`, `<code>`, `<a href>`, `<ul><li>`, `<b>`, `<i>`
 * and entities) as Markdown, which editor hovers, TypeDoc and the README render. Inside an HTML
 * block whitespace collapses as HTML's does; between blocks the text is Markdown (a description may
 * mix the two) and keeps its line breaks and blank lines. Text without a tag this knows is returned
 * unchanged, entities and all: a Markdown description stays as written, and `List<String>` is no
 * tag. Unknown tags inside HTML stay as text too.
 */

/** Escapes a run of text (never our own markup) for where the Markdown lands; `lineStart`: it begins a line. */
export type TextEscaper = (text: string, lineStart: boolean) => string;

const BLOCK = new Set(['p', 'div', 'note', 'important', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const INLINE_DROPPED = new Set(['span', 'fullname', 'u', 'small', 'sup', 'sub']);
const KNOWN = new Set([...BLOCK, ...INLINE_DROPPED, 'br', 'code', 'pre', 'a', 'ul', 'ol', 'li', 'b', 'strong', 'i', 'em']);
// One unambiguous scan per `<` (attributes run to the next `>`), so hostile text cannot make it backtrack.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([\s/][^<>]*)?>/g;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Whether the text holds a tag this converter knows (only then is it read as HTML). */
export function looksLikeHtml(text: string): boolean {
  // most descriptions have no `<` at all: no iterator and no copy of the pattern for them (matchAll clones it)
  if (!text.includes('<')) return false;
  for (const match of text.matchAll(TAG)) if (KNOWN.has(match[2]!.toLowerCase())) return true;
  return false;
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name]! : whole;
  });
}

/** `[text](url)` only for http(s) and mailto links; characters that would end the destination are percent-encoded. */
function linkTarget(attributes: string): string | undefined {
  const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attributes);
  const url = decodeEntities((href?.[1] ?? href?.[2] ?? href?.[3] ?? '').trim());
  if (!/^(https?:\/\/|mailto:)/i.test(url)) return undefined;
  return url.replace(/[\s()<>\\`*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function fenced(code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}

/**
 * The text as Markdown when it holds HTML, else unchanged. `escape` is applied to every run of the
 * document's text (not to the markup made here): the README passes its Markdown escaper, doc
 * comments pass nothing (their own escaper runs afterwards on the whole).
 */
export function htmlToMarkdown(text: string, escape: TextEscaper = (t) => t): string {
  if (!looksLikeHtml(text)) return text;
  const converter = new Converter(escape);
  let last = 0;
  for (const match of text.matchAll(TAG)) {
    const name = match[2]!.toLowerCase();
    if (!KNOWN.has(name)) continue; // an unknown tag is text
    converter.text(text.slice(last, match.index));
    const attributes = match[3] ?? '';
    converter.tag(name, match[1] === '/', attributes, /\/\s*$/.test(attributes));
    last = match.index! + match[0].length;
  }
  converter.text(text.slice(last));
  return converter.result();
}

class Converter {
  private out = '';
  private readonly lists: Array<{ ordered: boolean; next: number }> = [];
  private readonly links: Array<{ href: string | undefined; start: number }> = [];
  /** Inside `<code>` or `<pre>`: the raw text collected, markup ignored. */
  private code: { pre: boolean; text: string } | undefined;
  /** How many HTML block elements (`<p>`, `<div>`, …) are open: inside one, whitespace is HTML's. */
  private blocks = 0;

  constructor(private readonly escape: TextEscaper) {}

  text(raw: string): void {
    if (raw === '') return;
    const decoded = decodeEntities(raw);
    if (this.code) {
      this.code.text += decoded;
      return;
    }
    if (this.blocks > 0 || this.lists.length > 0) return this.run(decoded);
    // Outside every HTML block the text is the document's Markdown (CommonMark lets the two mix): its
    // blank lines end paragraphs and its line breaks end lines, as in a description without tags.
    const pieces = decoded.split(/([^\S\n]*\n\s*)/);
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (i % 2 === 0) this.run(piece);
      else if (/\n[^]*\n/.test(piece)) this.paragraph();
      else this.newline();
    }
  }

  /** Text where whitespace is HTML's: any run of it is one space. */
  private run(text: string): void {
    let run = text.replace(/\s+/g, ' ');
    if (this.atLineStart()) run = run.trimStart();
    if (run === '') return;
    this.out += this.escape(run, this.atLineStart());
  }

  tag(name: string, closing: boolean, attributes: string, selfClosing: boolean): void {
    if (this.code && !((name === 'code' || name === 'pre') && closing)) return;
    if (name === 'br') return this.newline();
    // Inside a list, paragraphs flow into their item: a blank line would end the list.
    if (BLOCK.has(name)) {
      if (!selfClosing) this.blocks = Math.max(0, this.blocks + (closing ? -1 : 1));
      return this.lists.length > 0 ? undefined : this.paragraph();
    }
    if (INLINE_DROPPED.has(name) || selfClosing) return;
    switch (name) {
      case 'b':
      case 'strong':
        this.out += '**';
        return;
      case 'i':
      case 'em':
        this.out += '*';
        return;
      case 'code':
      case 'pre':
        return closing ? this.endCode() : this.startCode(name === 'pre');
      case 'a':
        return closing ? this.endLink() : void this.links.push({ href: linkTarget(attributes), start: this.out.length });
      case 'ul':
      case 'ol':
        // A top-level list is a block of its own; a nested one starts on the next line.
        if (closing) this.lists.pop();
        if (this.lists.length === 0) this.paragraph();
        else this.newline();
        if (!closing) this.lists.push({ ordered: name === 'ol', next: 1 });
        return;
      case 'li':
        if (closing) return this.newline();
        return this.listItem();
    }
  }

  result(): string {
    if (this.code) this.endCode();
    return this.out
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }

  private atLineStart(): boolean {
    return this.out === '' || this.out.endsWith('\n') || /\n *(?:- |\d+\. )$/.test(this.out) || /^(?:- |\d+\. )$/.test(this.out);
  }

  private newline(): void {
    if (this.out === '' || this.out.endsWith('\n')) return;
    this.out = this.out.replace(/ +$/, '') + '\n';
  }

  private paragraph(): void {
    this.out = this.out.trimEnd();
    if (this.out !== '') this.out += '\n\n';
  }

  private listItem(): void {
    const list = this.lists[this.lists.length - 1];
    this.newline();
    const indent = '  '.repeat(Math.max(0, this.lists.length - 1));
    this.out += `${indent}${list?.ordered ? `${list.next++}. ` : '- '}`;
  }

  private startCode(pre: boolean): void {
    this.code = { pre, text: '' };
  }

  private endCode(): void {
    const code = this.code;
    this.code = undefined;
    if (!code) return;
    if (code.pre) {
      const body = code.text.replace(/^\n+|\s+$/g, '');
      const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((run) => run.length));
      const fence = '`'.repeat(longest + 1);
      this.paragraph();
      this.out += `${fence}\n${body}\n${fence}`;
      this.paragraph();
      return;
    }
    const inline = code.text.replace(/\s+/g, ' ').trim();
    if (inline !== '') this.out += fenced(inline);
  }

  private endLink(): void {
    const link = this.links.pop();
    if (!link || link.href === undefined) return;
    const label = this.out.slice(link.start).replace(/\s+/g, ' ').trim();
    this.out = this.out.slice(0, link.start) + (label === '' ? `<${link.href}>` : `[${label}](${link.href})`);
  }
}
