import pc from 'picocolors';
import type { ProgressEvent } from '../generate.js';

export type Colors = ReturnType<typeof pc.createColors>;

interface OutStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Colours for one stream: only when that stream is a terminal. picocolors alone looks at stdout and
 * turns colours on whenever `CI` is set, which would put ANSI codes into piped stderr and logs.
 */
export function colorsFor(stream: OutStream, env: NodeJS.ProcessEnv = process.env): Colors {
  if (env['NO_COLOR']) return pc.createColors(false);
  if (env['FORCE_COLOR'] && env['FORCE_COLOR'] !== '0') return pc.createColors(true);
  return pc.createColors(stream.isTTY === true && env['TERM'] !== 'dumb');
}

/**
 * A one-line status on a terminal's stderr ("loading openapi.yaml…"), rewritten in place and cleared
 * when done; nothing at all when stderr is not a terminal. With `verbose`, every stage's duration is
 * printed as a line of its own (terminal or not).
 */
export class ProgressLine {
  readonly #stream: OutStream;
  readonly #live: boolean;
  readonly #verbose: boolean;
  readonly #colors: Colors;
  #shown = false;

  constructor(stream: OutStream, options: { quiet: boolean; verbose: boolean }) {
    this.#stream = stream;
    this.#live = stream.isTTY === true && !options.quiet;
    this.#verbose = options.verbose;
    this.#colors = colorsFor(stream);
  }

  /** The `onProgress` callback for `generate()`, prefixed with the client when there are several. */
  handler(label = ''): (event: ProgressEvent) => void {
    const prefix = label ? `${label}: ` : '';
    return (event) => {
      if (event.type === 'start') this.show(`${prefix}${event.detail}…`);
      else if (this.#verbose) {
        const name = event.type === 'load-stage' ? `  load.${event.stage}` : event.stage;
        this.line(this.#colors.dim(`${prefix}${name} ${event.milliseconds.toFixed(1)} ms`));
      }
    };
  }

  show(text: string): void {
    if (!this.#live) return;
    const width = (this.#stream as { columns?: number }).columns ?? 80;
    this.#stream.write(`\r\x1b[2K${this.#colors.dim(text.slice(0, Math.max(10, width - 1)))}`);
    this.#shown = true;
  }

  /** A permanent line, written below (after clearing) the status. */
  line(text: string): void {
    this.clear();
    this.#stream.write(`${text}\n`);
  }

  clear(): void {
    if (!this.#shown) return;
    this.#stream.write('\r\x1b[2K');
    this.#shown = false;
  }
}
