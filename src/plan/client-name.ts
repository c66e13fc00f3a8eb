import { KeywayError } from '../errors.js';
import type { ApiModel } from '../model/index.js';
import { isIdentifier, isReserved, pascalCase, toIdentifier } from './identifiers.js';
import { coreNameOf, isSharedErrorsName, serverUrlNameOf } from './output-modules.js';

/**
 * The client class name. `bound` holds every other top-level name of the generated modules (what
 * client.ts imports and declares, what index.ts exports), with where it comes from. A requested
 * name that takes one of them (itself or as its `<Name>Core` class), or a reserved word or global,
 * is refused naming the clash; a name
 * derived from the title steps aside with an `Api` prefix.
 */
export function planClientName(model: ApiModel, requested: string | undefined, bound: ReadonlyMap<string, string>): string {
  if (requested !== undefined) {
    const refuse = (why: string) => new KeywayError('E_USAGE', `--name ${JSON.stringify(requested)} is not a usable class name: ${why}`);
    if (!isIdentifier(requested)) throw refuse('it must be a JavaScript identifier');
    if (isReserved(requested)) throw refuse('it is a reserved word or a global the generated code uses');
    const where = bound.get(requested) ?? (isSharedErrorsName(requested) ? 'client.ts names a shared error union so' : undefined);
    if (where !== undefined) throw refuse(`the generated code already uses that name (${where})`);
    const coreWhere = bound.get(coreNameOf(requested));
    if (coreWhere !== undefined) throw refuse(`its Core class would be ${coreNameOf(requested)}, a name the generated code already uses (${coreWhere})`);
    const serverUrlWhere = bound.get(serverUrlNameOf(requested));
    if (serverUrlWhere !== undefined) throw refuse(`its server-URL builder would be ${serverUrlNameOf(requested)}, a name the generated code already uses (${serverUrlWhere})`);
    return requested;
  }
  const base = pascalCase(model.title).replace(/(Api|Client)$/i, '');
  let name = toIdentifier(`${base} Client`, 'pascal', 'ApiClient');
  while (bound.has(name) || bound.has(coreNameOf(name)) || bound.has(serverUrlNameOf(name))) name = `Api${name}`;
  return name;
}
