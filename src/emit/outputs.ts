import type { Plan } from '../plan/index.js';
import { GENERATED_HEADER } from './header.js';
import type { RuntimeSources } from './runtime-files.js';
import { clientView } from './views/client-view.js';
import { functionsView } from './views/functions-view.js';
import { indexView } from './views/index-view.js';
import { methodsView } from './views/methods-view.js';
import { operationsView } from './views/operations-view.js';
import { readmeView, type ReadmeOptions } from './views/readme-view.js';
import { typesView } from './views/types-view.js';

/** What a view may use besides the plan. */
export interface ViewContext {
  runtime: RuntimeSources;
  /** How the README's samples import the client; `false` leaves the README out. */
  readme: ReadmeOptions | false | undefined;
}

export interface Output {
  /** Path in the output folder. */
  file: string;
  /** Template under templates/ (or a `--templates` folder) that renders it. */
  template: string;
  /** What the template inserts; undefined when the file is not written. */
  view(plan: Plan, context: ViewContext): object | undefined;
}

const withHeader = (view: object) => ({ header: GENERATED_HEADER, ...view });

/**
 * Every file keyway renders from a template, in the order it renders them (runtime files are
 * copied, not rendered). The one list: templates, emit and the snapshot tests all read it.
 */
export const OUTPUTS: readonly Output[] = [
  { file: 'index.ts', template: 'index.ts.hbs', view: (plan, { runtime }) => withHeader(indexView(plan, runtime)) },
  { file: 'client.ts', template: 'client.ts.hbs', view: (plan, { runtime }) => withHeader(clientView(plan, runtime)) },
  { file: 'operations.ts', template: 'operations.ts.hbs', view: (plan, { runtime }) => withHeader(operationsView(plan, runtime)) },
  { file: 'functions.ts', template: 'functions.ts.hbs', view: (plan, { runtime }) => withHeader(functionsView(plan, runtime)) },
  { file: 'methods.ts', template: 'methods.ts.hbs', view: (plan, { runtime }) => withHeader(methodsView(plan, runtime)) },
  { file: 'types.ts', template: 'types.ts.hbs', view: (plan) => withHeader(typesView(plan)) },
  { file: 'README.md', template: 'README.md.hbs', view: (plan, { readme }) => (readme === false ? undefined : readmeView(plan, readme)) },
];
