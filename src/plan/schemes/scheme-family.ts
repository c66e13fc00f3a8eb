import type { SecurityScheme } from '../../model/index.js';
import type { SchemeSpec } from '../../runtime/auth-strategy.js';
import type { BuilderName } from './builders.js';

/**
 * Everything the generator knows about one family of security schemes. The catalog (catalog.ts)
 * lists the families in the order they are asked; the first whose `claims` accepts a model scheme
 * owns it. Adding a scheme is one file of this shape plus its runtime files.
 */
export interface SchemeFamily<S extends SecurityScheme = SecurityScheme> {
  /** A short stable name, for tests and messages (`http-digest`, `oauth2`). */
  readonly id: string;
  /**
   * True when this family owns the model scheme. Families are asked in catalog order, so a
   * specific one (HTTP digest; a vendor extension on any type) comes before a general one.
   */
  claims(scheme: SecurityScheme): scheme is S;
  /**
   * The runtime's strategy factory for the family: a `StrategyFactory` exported by some runtime
   * module. The client passes the factories of its schemes in catalog order.
   */
  readonly factory: string;
  /** The runtime's plain-data description of the scheme, written into the client's `securitySchemes`. */
  spec(scheme: S): SchemeSpec;
  /** What the `auth` option takes for the scheme: one runtime type per choice, `|`-joined in the client. */
  credentials(scheme: S): readonly CredentialKind[];
  /**
   * The kind of built credential a `<Name>Core` takes for the scheme (`Credential<kind>`; the
   * runtime's builders name the kinds they fit). Default: the family's id, which no builder fits,
   * so the Core takes such a scheme's credential only from `anyAuth`.
   */
  credentialKind?(scheme: S): string;
  /** The runtime builders that make the scheme's credential for a `<Name>Core`. Default: none. */
  builders?(scheme: S): readonly BuilderName[];
  /** True when the client obtains and refreshes tokens for it (it then takes token-store, hook and clock options). */
  managesTokens(scheme: S): boolean;
  /** True when the client can sign a user in with it (`client.authorization(scheme)`). */
  signsIn(scheme: S): boolean;
  /** One line for the `AuthOptions` doc comment: what the credential is and where it goes. Plain text. */
  summary(scheme: S): string;
  /** The README heading's words for the kind (`HTTP basic`, `OAuth 2.0`). Plain text. */
  kind(scheme: S): string;
  /** The README paragraph on what the scheme is and where its credential goes. Markdown, spec values escaped. */
  about(scheme: S): string;
  /**
   * Request parameters the scheme sets itself (a signature header, say), so an operation that
   * declares them does not make them method arguments. Matched case-insensitively for headers.
   */
  fills?(scheme: S): readonly FilledParameter[];
}

/** A parameter a scheme sets on every request it authenticates. */
export interface FilledParameter {
  in: 'header' | 'query' | 'cookie';
  name: string;
}

/** One credential type the `auth` option accepts for a scheme, with its README sample. */
export interface CredentialKind {
  /** The runtime type name (exported by a runtime module; the client imports it as a type). */
  readonly type: string;
  readonly sample: CredentialSample;
}

/** What the README writes after `auth: { <scheme>: `. Placeholders only: no spec text. */
export interface CredentialSample {
  /** A short title for the sample, e.g. `client credentials`. */
  title: string;
  /** A TypeScript expression for the credential; may span lines (indented by the caller). */
  value: string;
  /** One sentence on the credential's shape, in Markdown. */
  shape: string;
  /** Code that comes before `new Client(...)`, e.g. imports. */
  setup?: string;
}
