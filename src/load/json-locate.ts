import { positionAt, type TextPosition } from './text-position.js';

/**
 * Finds where a JSON pointer's target is written in JSON text, without building a tree: a big
 * document (13 MB) is parsed with JSON.parse for speed, and only an error needs a position.
 * Object members resolve to their key, array items to the item. Returns undefined when the
 * path does not exist in the text (e.g. it only exists after bundling).
 */
export function locateInJson(text: string, segments: readonly string[]): TextPosition | undefined {
  const scanner = new JsonScanner(text);
  let found = scanner.skipWhitespace();
  for (const segment of segments) {
    const member = scanner.findChild(segment);
    if (member === undefined) return undefined;
    found = member;
  }
  return positionAt(text, found);
}

class JsonScanner {
  private pos = 0;
  constructor(private readonly text: string) {}

  skipWhitespace(): number {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text[this.pos]!)) this.pos++;
    return this.pos;
  }

  /** With the cursor on a container, moves it to the value of the wanted child and returns where the child is written. */
  findChild(segment: string): number | undefined {
    const open = this.text[this.skipWhitespace()];
    if (open === '{') return this.findMember(segment);
    if (open === '[' && /^(0|[1-9]\d*)$/.test(segment)) return this.findItem(Number(segment));
    return undefined;
  }

  private findMember(name: string): number | undefined {
    this.pos++;
    while (this.text[this.skipWhitespace()] === '"') {
      const keyStart = this.pos;
      const key = this.readString();
      this.skipWhitespace();
      this.pos++; // ':'
      this.skipWhitespace();
      if (key === name) return keyStart;
      this.skipValue();
      if (this.text[this.skipWhitespace()] === ',') this.pos++;
    }
    return undefined;
  }

  private findItem(index: number): number | undefined {
    this.pos++;
    for (let i = 0; this.text[this.skipWhitespace()] !== ']' && this.pos < this.text.length; i++) {
      if (i === index) return this.pos;
      this.skipValue();
      if (this.text[this.skipWhitespace()] === ',') this.pos++;
    }
    return undefined;
  }

  private readString(): string {
    const start = this.pos;
    this.skipString();
    const raw = this.text.slice(start, this.pos);
    return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  private skipString(): void {
    let i = this.pos + 1;
    for (;;) {
      const quote = this.text.indexOf('"', i);
      if (quote === -1) {
        this.pos = this.text.length;
        return;
      }
      let backslashes = 0;
      while (this.text[quote - 1 - backslashes] === '\\') backslashes++;
      i = quote + 1;
      if (backslashes % 2 === 0) break;
    }
    this.pos = i;
  }

  private skipValue(): void {
    const first = this.text[this.pos];
    if (first === '"') return this.skipString();
    if (first !== '{' && first !== '[') {
      while (this.pos < this.text.length && !',}] \t\r\n'.includes(this.text[this.pos]!)) this.pos++;
      return;
    }
    let depth = 0;
    while (this.pos < this.text.length) {
      const char = this.text[this.pos]!;
      if (char === '"') {
        this.skipString();
        continue;
      }
      this.pos++;
      if (char === '{' || char === '[') depth++;
      else if ((char === '}' || char === ']') && --depth === 0) return;
    }
  }
}
