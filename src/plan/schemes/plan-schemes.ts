import type { SecurityScheme } from '../../model/index.js';
import type { SchemeSpec } from '../../runtime/auth-strategy.js';
import type { BuilderName } from './builders.js';
import { familyOf, factoryOrder } from './catalog.js';
import type { CredentialKind } from './scheme-family.js';

/** One security scheme as the generated client shows it: the catalog's answers for it, computed once. */
export interface PlannedScheme {
  model: SecurityScheme;
  /** The catalog family that owns it. */
  family: string;
  factory: string;
  spec: SchemeSpec;
  credentials: readonly CredentialKind[];
  /** The credential type the `auth` option takes: the credentials' runtime types, `|`-joined. */
  credentialType: string;
  /** The kind of built credential a `<Name>Core` takes for it (`Credential<kind>`). */
  credentialKind: string;
  /** The runtime builders that make its credential for a `<Name>Core`. */
  builders: readonly BuilderName[];
  managesTokens: boolean;
  signsIn: boolean;
  summary: string;
  kind: string;
  about: string;
}

export function planScheme(scheme: SecurityScheme): PlannedScheme {
  const family = familyOf(scheme);
  const credentials = family.credentials(scheme);
  return {
    model: scheme,
    family: family.id,
    factory: family.factory,
    spec: family.spec(scheme),
    credentials,
    credentialType: credentials.map((c) => c.type).join(' | '),
    credentialKind: family.credentialKind?.(scheme) ?? family.id,
    builders: family.builders?.(scheme) ?? [],
    managesTokens: family.managesTokens(scheme),
    signsIn: family.signsIn(scheme),
    summary: family.summary(scheme),
    kind: family.kind(scheme),
    about: family.about(scheme),
  };
}

/** The strategy factories the schemes need, each once, in the order the runtime must try them. */
export function factoriesFor(schemes: readonly PlannedScheme[]): string[] {
  const used = new Set(schemes.map((s) => s.factory));
  return factoryOrder().filter((f) => used.has(f));
}
