import { toIdentifier } from './identifiers.js';
import { buildersFor, CLIENT_CREDENTIALS_PARTS, type BuilderName } from './schemes/builders.js';
import type { PlannedScheme } from './schemes/plan-schemes.js';
import { factoriesFor } from './schemes/plan-schemes.js';

/** A runtime name a generated file uses; `type` names are imported (or re-exported) as types only. */
export interface RuntimeName {
  name: string;
  type: boolean;
}

/** What one generated TypeScript module binds at its top level and what it exports. */
export interface OutputModule {
  /** Names it declares (`const`, `interface`, `class`, `type`). */
  declares: string[];
  /** Names it imports from the runtime. */
  runtimeImports: RuntimeName[];
  /** Names it imports from the other generated modules (`operations`, the `T` namespace of types). */
  siblingImports: string[];
  /** Names it re-exports from the runtime. */
  runtimeExports: RuntimeName[];
  /** Names it re-exports from the other generated modules (index.ts: the client, its options, the operation table). */
  siblingExports: string[];
}

export type OutputModules = Record<'index.ts' | 'client.ts' | 'operations.ts' | 'functions.ts' | 'methods.ts' | 'types.ts', OutputModule>;

/**
 * Internal names of client.ts and operations.ts that functions.ts imports. The `$` keeps them
 * apart from every operation function: planned identifiers never contain one.
 */
export const CORE_ACCESSOR = 'core$';
export const SPECS_NAMESPACE = 'specs$';
/** methods.ts's interface of the client's methods, which the client class's interface extends. */
export const METHODS = 'Methods$';
/** client.ts's function that the methods and the operation functions send their operation with. */
export const SEND = 'send$';
/**
 * functions.ts's makers of operation functions, one per parameter shape: arguments required,
 * arguments optional, options only (templates/functions.ts.hbs).
 */
export const FUNCTION_MAKERS = { required: 'fn$', optional: 'fnOptionalArgs$', optionsOnly: 'fnOptionsOnly$' } as const;
/**
 * client.ts's aliases of error unions two or more operations share, numbered (`Errors$1`, …): how
 * many depends on the operations, so they are matched by form, not listed in `declares`.
 */
export const sharedErrorsName = (n: number): string => `Errors$${n}`;
export const isSharedErrorsName = (name: string): boolean => /^Errors\$\d+$/.test(name);

/** The method-less class the operation functions take: `PetstoreClient` → `PetstoreCore`. */
export function coreNameOf(clientName: string): string {
  if (clientName === '') return '';
  return clientName.endsWith('Client') ? `${clientName.slice(0, -'Client'.length)}Core` : `${clientName}Core`;
}

/**
 * The generated builder of server URLs for a Core's `baseUrl`: `PetstoreAuthClient` →
 * `petstoreAuthServerUrl`, the client's base name in camelCase. Named from the client, so it steps
 * aside with it (client-name.ts), and the operation functions step aside from it (an export).
 */
export function serverUrlNameOf(clientName: string): string {
  if (clientName === '') return '';
  // A client named `Client` alone: `apiServerUrl` (`serverUrl` is the runtime function it calls).
  const base = (clientName.endsWith('Client') ? clientName.slice(0, -'Client'.length) : clientName) || 'api';
  // camelCase lowers a leading acronym whole, as method names do: `URLClient` → `urlServerUrl`; `_` before a digit (`_2faServerUrl`).
  return toIdentifier(`${base} ServerUrl`, 'camel', 'apiServerUrl');
}

/** What the client does for its schemes, which decides the options it takes and the names it needs. */
export interface ClientFeatures {
  schemes: readonly PlannedScheme[];
  /** Strategy factories, in the order the client class (and anyAuth) passes them. */
  factories: string[];
  /** The runtime's credential builders the schemes take, which the entry exports for `<Name>Core` users. */
  builders: BuilderName[];
  /** Some scheme fetches tokens: the client takes token-store, hook and clock options. */
  managesTokens: boolean;
  /** Schemes that can sign a user in (`client.authorization(scheme)`). */
  signInSchemes: readonly PlannedScheme[];
  /** Runtime types the client's options mention, which the entry re-exports for callers too. */
  optionTypes: string[];
  /** Some server URL has `{variables}`: the client passes chooseServer the runtime's fillServerUrls. */
  fillsServerUrls: boolean;
  /** The document declares servers: client.ts exports a builder of their URLs (serverUrlNameOf). */
  hasServers: boolean;
  /** The document declares operations: functions.ts and methods.ts have something to import for. */
  hasOperations: boolean;
}

export function clientFeatures(schemes: readonly PlannedScheme[], fillsServerUrls: boolean, hasServers: boolean, hasOperations: boolean): ClientFeatures {
  const managesTokens = schemes.some((s) => s.managesTokens);
  const signInSchemes = schemes.filter((s) => s.signsIn);
  const optionTypes = new Set(['ApiPromise', 'FetchLike', 'FetchOptions', 'Hooks', 'RequestOptions', 'RetryOptions', ...schemes.flatMap((s) => s.credentials.map((c) => c.type))]);
  if (managesTokens) for (const t of ['TokenSet', 'TokenStore', 'TokenStoreError']) optionTypes.add(t);
  if (signInSchemes.length) optionTypes.add('AuthorizationCodeFlow');
  return { schemes, factories: factoriesFor(schemes), builders: buildersFor(schemes), managesTokens, signInSchemes, optionTypes: [...optionTypes], fillsServerUrls, hasServers, hasOperations };
}

const values = (names: readonly string[]): RuntimeName[] => names.map((name) => ({ name, type: false }));
const types = (names: readonly string[]): RuntimeName[] => names.map((name) => ({ name, type: true }));

/**
 * Every generated module's top-level names, from the client's features and the names chosen for
 * the client class and the schema types. The templates write exactly these; plan() reserves them.
 * `specRefs`: the serializers and body encoders the operation specs name (spec-runtime-refs.ts).
 */
export function outputModules(
  features: ClientFeatures,
  clientName: string,
  typeNames: readonly string[],
  functionNames: readonly string[] = [],
  specRefs: readonly string[] = [],
): OutputModules {
  const coreName = coreNameOf(clientName);
  const empty = { declares: [], runtimeImports: [], siblingImports: [], runtimeExports: [], siblingExports: [] };
  // MemoryTokenStore: the in-memory store clients of one process can share (a client without a
  // tokenStore keeps its tokens in its strategies, so nothing else brings that module along).
  const indexValues = ['ApiError', 'ApiConnectionError', 'ApiTimeoutError', 'ApiPromise', 'AuthRequiredError', ...(features.managesTokens ? ['TokenError', 'TokenStoreError', 'MemoryTokenStore', 'RedisTokenStore'] : [])];
  const hasSchemes = features.schemes.length > 0;
  // anyAuth: plain credentials for a Core; a document without schemes has none to convert.
  const anyAuth = hasSchemes ? ['anyAuth'] : [];
  // The server-URL builder, for a Core's baseUrl: a document without servers has no URL to build.
  const serverUrl = features.hasServers ? [serverUrlNameOf(clientName)] : [];
  return {
    'client.ts': {
      ...empty,
      // Besides these, the shared error union aliases (sharedErrorsName).
      declares: ['SERVERS', 'OPERATION_SERVERS', 'securitySchemes', 'AuthOptions', 'CoreAuthOptions', 'ClientOptions', 'CoreOptions', ...anyAuth, 'ServerVariables', 'HttpErrorStatus', 'StatusError$', 'OtherStatusError$', 'OperationErrors', 'ApiErrorOf$', 'isApiError', ...serverUrl, ...(features.signInSchemes.length ? [CORE_ACCESSOR] : []), SEND, 'withMethods$', coreName, clientName],
      runtimeImports: [
        // A document without security schemes needs no strategy factory: the client refuses every credential.
        // The factories only for anyAuth (and so the client class): the Core takes built credentials.
        ...values(['ApiError', 'clientCore', 'pickOptions', ...(hasSchemes ? ['buildAuthStrategies', 'buildPlainCredentials'] : ['refuseCredentials']), 'chooseServer', ...(features.hasServers ? ['serverUrl'] : []), ...(features.fillsServerUrls ? ['fillServerUrls'] : []), ...features.factories, ...(features.signInSchemes.length ? ['authorizationFlow'] : [])]),
        // HeadersInit from the runtime, not lib.dom: @types/node alone declares no such global.
        ...types([...(hasSchemes ? ['Credential', 'SchemeSpec'] : []), 'ClientCore', 'CoreConfig', 'HeadersInit', 'OperationServers', 'OperationSpec', 'ServerConfig', 'ServerSpec', ...features.optionTypes]),
      ],
      siblingImports: ['operationTable$', METHODS, 'T'],
    },
    // One `<method>Spec` constant per operation besides the table (see operationSpecName).
    'operations.ts': { ...empty, declares: ['operations', 'operationTable$'], runtimeImports: [...types(['OperationSpec']), ...values(specRefs)], siblingImports: ['OperationErrors'] },
    // A document without operations: no function or method to declare, so nothing to import
    // (an unused import fails `--verify`'s noUnusedLocals).
    'functions.ts': { ...empty, declares: [...functionNames, ...Object.values(FUNCTION_MAKERS)], ...(features.hasOperations ? { runtimeImports: types(['ApiPromise', 'OperationSpec', 'RequestOptions']), siblingImports: [coreName, SEND, SPECS_NAMESPACE, 'T'] } : {}) },
    'methods.ts': { ...empty, declares: [METHODS], ...(features.hasOperations ? { runtimeImports: types(['ApiPromise', 'RequestOptions']), siblingImports: ['T'] } : {}) },
    'types.ts': { ...empty, declares: [...typeNames] },
    'index.ts': {
      ...empty,
      runtimeExports: [
        ...values(indexValues),
        ...values(features.builders),
        ...(features.builders.includes('clientCredentials') ? [...values(CLIENT_CREDENTIALS_PARTS), ...types(['ClientCredentialsOptions'])] : []),
        ...types(hasSchemes ? ['Credential'] : []),
        // Option types that are also classes (TokenStoreError) are exported once, as values.
        ...types(features.optionTypes.filter((name) => !indexValues.includes(name))),
        // Parts of the option and result types, for callers who name them.
        ...types(['ApiResponse', 'BackoffOptions', 'HookContext']),
        // The scale-out store (and its option types) ships with every client that manages tokens.
        ...types(features.managesTokens ? ['RedisTokenStoreOptions', 'RedisClientLike', 'TokenLeases'] : []),
      ],
      siblingExports: [clientName, coreName, ...anyAuth, ...serverUrl, ...functionNames, 'AuthOptions', 'CoreAuthOptions', 'ClientOptions', 'CoreOptions', 'ServerVariables', 'HttpErrorStatus', 'OperationErrors', 'isApiError', 'operations', ...typeNames],
    },
  };
}
