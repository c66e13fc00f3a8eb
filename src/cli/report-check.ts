import type { CheckResult } from '../check/compare-output.js';
import type { Colors } from './terminal.js';

/** `generate --check`'s report for one output folder: what differs, with diffs coloured on a terminal. */
export function formatCheck(output: string, check: CheckResult, c: Colors): string {
  if (check.upToDate) return `${c.green('✔')} ${output} is up to date\n`;
  const count = check.differences.length;
  const lines = [`${c.red('✖')} ${output} is out of date: ${count} file${count === 1 ? '' : 's'} differ${count === 1 ? 's' : ''} from what keyway generates`];
  for (const difference of check.differences) {
    if (difference.kind === 'missing') lines.push(`  ${c.green('missing')} ${difference.path} (keyway would add it)`);
    else if (difference.kind === 'extra') lines.push(`  ${c.red('extra')}   ${difference.path} (keyway would remove it)`);
    else {
      lines.push(`  ${c.yellow('changed')} ${difference.path}`);
      if (difference.diff) lines.push(colorDiff(difference.diff, c).replace(/\n$/, ''));
    }
  }
  return lines.join('\n') + '\n';
}

function colorDiff(diff: string, c: Colors): string {
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return c.bold(line);
      if (line.startsWith('@@')) return c.cyan(line);
      if (line.startsWith('+')) return c.green(line);
      if (line.startsWith('-')) return c.red(line);
      return line;
    })
    .join('\n');
}
