// Turns a command template such as `node bin/keyway.js generate {spec} --out {out}` into argv.
// No shell is involved, so spec paths with spaces or shell metacharacters stay single arguments.

/** Splits on whitespace; '…' and "…" group words (no escapes inside; none are needed for paths). */
export function splitCommand(template) {
  const words = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of template.matchAll(pattern)) words.push(match[1] ?? match[2] ?? match[3]);
  return words;
}

/**
 * argv for one run: placeholders substituted inside each word, and a leading `node` replaced by the
 * running node binary so every tool is measured on the same runtime.
 */
export function renderCommand(template, values) {
  const argv = splitCommand(template).map((word) => word.replace(/\{(\w+)\}/g, (whole, key) => values[key] ?? whole));
  if (argv[0] === 'node') argv[0] = process.execPath;
  return argv;
}
