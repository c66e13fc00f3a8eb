import type { Plan } from '../../plan/index.js';
import { runtimeStatements } from '../runtime-imports.js';
import type { RuntimeSources } from '../runtime-files.js';

/** What templates/index.ts.hbs inserts: the client and the runtime names callers need. */
export interface IndexView {
  clientName: string;
  coreName: string;
  /** The document declares security schemes: the entry exports anyAuth. */
  hasSchemes: boolean;
  /** The builder of server URLs for a Core's baseUrl; '' when the document declares no servers. */
  serverUrlName: string;
  /** The entry's `export { … } from './runtime/…'` lines: errors and credential types. */
  runtimeExports: string[];
}

export function indexView(plan: Plan, runtime: RuntimeSources): IndexView {
  return { clientName: plan.clientName, coreName: plan.coreName, hasSchemes: plan.schemes.length > 0, serverUrlName: plan.serverUrlName, runtimeExports: runtimeStatements(runtime, plan.modules['index.ts'].runtimeExports, 'export') };
}
