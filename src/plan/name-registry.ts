/**
 * Hands out unique names in one namespace. The first claimant of a name keeps it; later ones get a
 * numeric suffix (`Pet`, `Pet2`, `Pet3`), so names depend only on spec order and are deterministic.
 * Comparison is case-insensitive when asked, for names that become file names or that users might
 * confuse (`pet` vs `Pet`).
 */
export class NameRegistry {
  readonly #taken = new Set<string>();
  readonly #fold: (name: string) => string;

  constructor(reserved: Iterable<string> = [], options: { caseInsensitive?: boolean } = {}) {
    this.#fold = options.caseInsensitive ? (n) => n.toLowerCase() : (n) => n;
    for (const name of reserved) this.#taken.add(this.#fold(name));
  }

  claim(desired: string): string {
    let name = desired;
    for (let n = 2; this.#taken.has(this.#fold(name)); n++) name = `${desired}${n}`;
    this.#taken.add(this.#fold(name));
    return name;
  }

  has(name: string): boolean {
    return this.#taken.has(this.#fold(name));
  }
}
