/**
 * Runs `work` while the scanning methods of arrays, strings and regular expressions count how many
 * elements or characters they are handed: an operation count that an algorithm quadratic in its
 * input (a lookup by `includes`, `indexOf` or a regex over a growing list or text) multiplies, on
 * any machine however loaded. Code that runs meanwhile (the test runner's own) is counted too,
 * which only ever adds a little: bounds must be generous, and compare sizes, not absolutes.
 */
const ARRAY_SCANS = ['includes', 'indexOf', 'lastIndexOf', 'find', 'findIndex', 'findLast', 'findLastIndex', 'some', 'every', 'filter'] as const;
const STRING_SCANS = ['includes', 'indexOf', 'lastIndexOf', 'replace', 'replaceAll', 'split', 'startsWith', 'endsWith', 'match', 'matchAll', 'search'] as const;
const REGEXP_SCANS = ['exec', 'test'] as const;

type Method = (this: unknown, ...args: unknown[]) => unknown;

export async function countingScans<T>(work: () => Promise<T>): Promise<{ result: T; scanned: number }> {
  let scanned = 0;
  const restore: Array<() => void> = [];
  const patch = (prototype: object, name: string, size: (self: unknown, args: unknown[]) => number): void => {
    const original = Reflect.get(prototype, name) as Method;
    Object.defineProperty(prototype, name, {
      configurable: true,
      writable: true,
      value: function (this: unknown, ...args: unknown[]) {
        scanned += size(this, args);
        return original.apply(this, args);
      },
    });
    restore.push(() => Object.defineProperty(prototype, name, { configurable: true, writable: true, value: original }));
  };
  for (const name of ARRAY_SCANS) patch(Array.prototype, name, (self) => (self as unknown[]).length);
  for (const name of STRING_SCANS) patch(String.prototype, name, (self) => String(self).length);
  for (const name of REGEXP_SCANS) patch(RegExp.prototype, name, (_self, [input]) => String(input).length);
  try {
    return { result: await work(), scanned };
  } finally {
    for (const undo of restore.reverse()) undo();
  }
}
