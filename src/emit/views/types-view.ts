import type { Plan } from '../../plan/index.js';
import { docComment } from '../escape.js';
import { typeToText } from '../type-text.js';
import { noteTags } from '../value-notes-doc.js';
import { argsTypesView } from './args-types-view.js';
import { typeNameOf } from './type-refs.js';

/** What templates/types.ts.hbs inserts: one declaration per named schema, then one per operation's arguments. */
export interface TypesView {
  types: Array<{ doc: string; name: string; type: string }>;
  empty: boolean;
}

export function typesView(plan: Plan): TypesView {
  const refs = { refName: (key: string) => typeNameOf(plan, key) };
  const schemas = plan.model.types.map((t) => ({
    doc: docComment([t.description, noteTags(t.notes), t.deprecated ? '@deprecated' : undefined]),
    name: typeNameOf(plan, t.key),
    type: typeToText(t.type, refs),
  }));
  const types = [...schemas, ...argsTypesView(plan)];
  return { types, empty: types.length === 0 };
}
