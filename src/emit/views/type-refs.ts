import type { Plan } from '../../plan/index.js';

/** The identifier plan() gave a named type. */
export function typeNameOf(plan: Plan, key: string): string {
  const name = plan.typeNames.get(key);
  if (name === undefined) throw new Error(`internal: no type named ${JSON.stringify(key)}`);
  return name;
}
