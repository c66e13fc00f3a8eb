/**
 * The modules lazy-modules.ts loads with import() stay out of the static import graph of every
 * strategy factory a client imports: one static import anywhere would pull a module (and what it
 * imports) into every app's initial bundle, silently. They take the up-front runtime only through
 * lazy-module-imports.ts, so a splitting bundler puts all of it in one chunk (not one per set of
 * importers). Also: each loader resolves to its module.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNTIME, staticGraph, staticImports } from '../../../support/runtime-graph.js';
import * as coreLazy from '../../../../src/runtime/lazy-core-modules.js';
import * as lazy from '../../../../src/runtime/oauth2/lazy-modules.js';

const LAZY = ['oauth2/lazy-module-imports.ts', 'oauth2/lazy-crypto.ts', 'oauth2/tls-endpoints.ts', 'oauth2/jwt-bearer-check.ts', 'oauth2/secret-redaction.ts', 'oauth2/base64url.ts', 'oauth2/client-assertion.ts', 'oauth2/rsa-pss-pkcs8.ts', 'oauth2/authorization-code-flow.ts', 'oauth2/pkce.ts', 'oauth2/device-flow.ts', 'oauth2/metadata-endpoints.ts', 'oauth2/jwt-bearer.ts', 'oauth2/dpop.ts', 'oauth2/dpop-token-request.ts', 'oauth2/server-metadata.ts', 'oauth2/guarded-token-store.ts', 'oauth2/lease-flight.ts', 'oauth2/oauth-http-failure.ts', 'oauth2/retry-after.ts', 'oauth2/oauth2-refusal.ts', 'oauth2/token-refresh.ts', 'oauth2/renewal-steps.ts', 'oauth2/same-tokens.ts'];
const HUB = 'oauth2/lazy-module-imports.ts';
// Request-core modules loaded with import() (lazy-core-modules.ts), and what only they import (redirects.ts, request-headers.ts): they take the up-front runtime as arguments, importing none of it.
const CORE_LAZY = ['setbacks.ts', 'retry-policy.ts', 'follow-redirects.ts', 'redirects.ts', 'discard-unread.ts', 'hooks.ts', 'before-send-steps.ts', 'failure-messages.ts', 'renew-after-refusal.ts', 'retry-wait.ts', 'idempotency-key.ts', 'bare-request.ts', 'request-headers.ts'];
// What a generated index.ts exports as values: an app's entry reaches these modules (and what they
// import) too, so a lazy module that imported one would share a chunk with the entry (two initial files).
const INDEX_EXPORTS = [...readFileSync(join(import.meta.dirname, '../../../snapshot/__snapshots__/pets-oauth/index.ts'), 'utf8').matchAll(/^export \{[^}]*\} from '\.\/runtime\/([^']+)\.js';$/gm)].map(([, path]) => `${path!}.ts`);
const FACTORIES = readdirSync(RUNTIME, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('-strategies.ts')).map((f) => f.split('\\').join('/'));
// What an app imports to make its strategies: the factories, and the credential builders.
const ENTRIES = [...FACTORIES, 'oauth2/client-credentials.ts'];

describe('lazily loaded OAuth 2.0 modules', () => {
  it('finds what a generated index.ts exports', () => {
    expect(INDEX_EXPORTS).toEqual(expect.arrayContaining(['oauth2/token-error.ts', 'oauth2/token-store-error.ts', 'oauth2/redis-token-store.ts']));
  });

  it('finds the strategy factories', () => {
    expect(FACTORIES).toEqual(expect.arrayContaining(['static-strategies.ts', 'oauth2/oauth2-strategies.ts']));
  });

  it.each(ENTRIES)('are not statically reachable from %s or the client core', (factory) => {
    const reached = new Set([...staticGraph(factory), ...staticGraph('client-core.ts'), ...staticGraph('oauth2/authorization-flow.ts'), ...INDEX_EXPORTS.flatMap((file) => [...staticGraph(file)])]);
    expect([...LAZY, ...CORE_LAZY].filter((file) => reached.has(file))).toEqual([]);
    // the graph walk itself works: the factory's own strategy module is in it
    expect(reached.size).toBeGreaterThan(1);
  });

  it.each(LAZY)('%s imports the up-front runtime only through lazy-module-imports.ts', (file) => {
    expect(staticImports(file).filter((imported) => imported !== HUB && !LAZY.includes(imported))).toEqual([]);
  });

  it.each(CORE_LAZY)('%s imports no up-front module', (file) => {
    expect(staticImports(file).filter((imported) => !CORE_LAZY.includes(imported))).toEqual([]);
  });

  it('each request-core loader resolves to the module it names', async () => {
    const setbacks = await coreLazy.loadSetbacks();
    for (const name of ['followRedirects', 'afterAnswer', 'retried', 'failureMessage'] as const) expect(typeof setbacks[name]).toBe('function');
    const steps = await coreLazy.loadBeforeSendSteps();
    for (const name of ['beforeSend', 'idempotencyKeyFor', 'withIdempotencyKey', 'bareRequest'] as const) expect(typeof steps[name]).toBe('function');
  });

  it('lazy-module-imports.ts imports no code (the entry shares only it with the lazy chunks)', () => {
    const source = readFileSync(join(RUNTIME, HUB), 'utf8');
    expect(source).not.toMatch(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'/m);
    expect(staticImports(HUB)).toEqual([]);
  });

  it('lazy-modules.ts hands every binding of lazy-module-imports.ts over: the up-front value of that name', async () => {
    const hub = (await import('../../../../src/runtime/oauth2/lazy-module-imports.js')) as Record<string, unknown>;
    await lazy.provideLazyModuleImports();
    // Where each name is defined: the modules lazy-modules.ts imports them from.
    const source = readFileSync(join(RUNTIME, 'oauth2/lazy-modules.ts'), 'utf8');
    const upFront: Record<string, unknown> = {};
    for (const [, names, specifier] of source.matchAll(/^import \{ ([^}]+) \} from '(\.{1,2}\/[^']+)';$/gm)) {
      if (specifier === './lazy-module-imports.js') continue;
      const module = (await import(posix.join('../../../../src/runtime/oauth2', specifier!))) as Record<string, unknown>;
      for (const name of names!.split(',').map((n) => n.trim())) upFront[name] = module[name];
    }
    upFront['loadSigning'] = lazy.loadSigning;
    const bindings = Object.keys(hub).filter((name) => name.endsWith('$'));
    expect(bindings.length).toBeGreaterThan(10);
    for (const binding of bindings) {
      const name = binding.slice(0, -1);
      expect(upFront[name], name).toBeDefined();
      expect(hub[binding], binding).toBe(upFront[name]);
    }
  });

  it('each loader resolves to the module it names', async () => {
    expect(typeof (await lazy.loadSigning()).importSigningKey).toBe('function');
    expect(typeof (await lazy.loadAuthorizationCode()).AuthorizationCodeHelpers).toBe('function');
    expect(typeof (await lazy.loadDeviceFlow()).runDeviceFlow).toBe('function');
    expect(typeof (await lazy.loadMetadataEndpoints()).endpointsFromMetadata).toBe('function');
    expect(typeof (await lazy.loadJwtBearer()).jwtBearerRunner).toBe('function');
    expect(typeof (await lazy.loadDpop()).makeDpopProver).toBe('function');
    expect(typeof (await lazy.loadDpopTokenRequest()).postWithDpop).toBe('function');
    expect(typeof (await lazy.loadGuardedTokenStore()).GuardedTokenStore).toBe('function');
    expect(typeof (await lazy.loadOAuthHttpFailure()).finishRequest).toBe('function');
    expect(typeof (await lazy.loadRenewalSteps()).answerRefusal).toBe('function');
    expect(typeof (await lazy.loadRenewalSteps()).beforeGrant).toBe('function');
    expect(typeof (await lazy.loadTlsEndpoints()).requireTlsEndpoints).toBe('function');
  });
});
