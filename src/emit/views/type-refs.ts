import type { Plan } from '../../plan/index.js';

/** The identifier plan() gave a named type. */
export function typeNameOf(plan: Plan, key: string): string {
  const name = plan.typeNames.get(key);
  if (name === undefined) throw new Error(`internal: no type named ${JSON.stringify(key)}`);
  return name;
}

/**
 * How a module that imports the types as `T` refers to a named type, and whether it did: the
 * `import type * as T` line is written only then (an unused import fails noUnusedLocals).
 */
export function namespacedTypeRefs(plan: Plan): { refs: { refName: (key: string) => string }; used: () => boolean } {
  let used = false;
  return {
    refs: {
      refName: (key: string) => {
        used = true;
        return `T.${typeNameOf(plan, key)}`;
      },
    },
    used: () => used,
  };
}
