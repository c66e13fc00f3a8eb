/** 1-based line and column, as editors show them. */
export interface TextPosition {
  line: number;
  column: number;
  /** Set when the node is written in another file than the one being read: an overlay put it there. */
  file?: string;
  /** With `file`: the node's pointer in that file. */
  pointer?: string;
}

/** Line/column of a character offset; only called on error paths, so a linear scan is fine. */
export function positionAt(text: string, offset: number): TextPosition {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}
