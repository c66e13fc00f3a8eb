/**
 * Where JSON.parse gave up. V8 only sometimes says (`at position 12`); for "Unexpected token"
 * it quotes a snippet instead, so on that error path we re-scan the text with a small strict
 * recognizer. Returns the offset of the first character that cannot continue a JSON text.
 */
export function jsonErrorOffset(text: string): number {
  const recognizer = new Recognizer(text);
  try {
    recognizer.document();
    return text.length;
  } catch (offset) {
    // a RangeError (nesting deeper than the stack) leaves us without a position
    return typeof offset === 'number' ? offset : text.length;
  }
}

class Recognizer {
  private pos = 0;
  constructor(private readonly text: string) {}

  document(): void {
    this.value();
    this.space();
    if (this.pos < this.text.length) throw this.pos;
  }

  private value(): void {
    this.space();
    const char = this.text[this.pos];
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return this.string();
    for (const literal of ['true', 'false', 'null']) {
      if (this.text.startsWith(literal, this.pos)) {
        this.pos += literal.length;
        return;
      }
    }
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!number) throw this.pos;
    this.pos += number[0].length;
  }

  private object(): void {
    this.members('}', () => {
      this.space();
      if (this.text[this.pos] !== '"') throw this.pos;
      this.string();
      this.expect(':');
      this.value();
    });
  }

  private array(): void {
    this.members(']', () => this.value());
  }

  /** `{`/`[`, then items separated by `,` up to `close`; none is fine. */
  private members(close: '}' | ']', item: () => void): void {
    this.pos++;
    this.space();
    if (this.text[this.pos] === close) {
      this.pos++;
      return;
    }
    for (;;) {
      item();
      this.space();
      if (this.text[this.pos] === close) {
        this.pos++;
        return;
      }
      this.expect(',');
    }
  }

  private string(): void {
    this.pos++;
    for (;;) {
      const char = this.text[this.pos];
      if (char === undefined || char < ' ') throw this.pos;
      this.pos++;
      if (char === '"') return;
      if (char === '\\') {
        const escape = this.text[this.pos];
        if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 1, this.pos + 5))) this.pos += 5;
        else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) this.pos++;
        else throw this.pos;
      }
    }
  }

  private expect(char: string): void {
    this.space();
    if (this.text[this.pos] !== char) throw this.pos;
    this.pos++;
  }

  private space(): void {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text[this.pos]!)) this.pos++;
  }
}
