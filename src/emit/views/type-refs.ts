import type { Plan } from '../../plan/index.js';

/** The identifier plan() gave a named type. */
export function typeNameOf(plan: Plan, key: string): string {
  const name = plan.typeNames.get(key);
  if (name === undefined) throw new Error(`internal: no type named ${JSON.stringify(key)}`);
  return name;
}

/** How a module refers to types.ts's declarations: a schema type by its key, any declaration (an argument type) by its name. */
export interface TypeRefs {
  refName: (key: string) => string;
  declared: (name: string) => string;
}

/**
 * How a module that imports the types as `T` refers to a named type, and whether it did: the
 * `import type * as T` line is written only then (an unused import fails noUnusedLocals).
 */
export function namespacedTypeRefs(plan: Plan): { refs: TypeRefs; used: () => boolean } {
  let used = false;
  const declared = (name: string) => {
    used = true;
    return `T.${name}`;
  };
  return { refs: { refName: (key: string) => declared(typeNameOf(plan, key)), declared }, used: () => used };
}
