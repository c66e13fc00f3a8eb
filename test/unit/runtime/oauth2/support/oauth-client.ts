/** A ClientCore with OAuth 2.0 schemes, built from the runtime modules themselves. */
import type { SchemeSpec } from '../../../../../src/runtime/auth-strategy.js';
import { testCore } from '../../../../support/test-core.js';
import { oauth2Strategies } from '../../../../../src/runtime/oauth2/oauth2-strategies.js';
import type { AuthEnvironment } from '../../../../../src/runtime/oauth2/types.js';
import type { OperationSpec } from '../../../../../src/runtime/operation.js';
import { buildPlainCredentials } from '../../../../../src/runtime/plain-credentials.js';
import { buildAuthStrategies } from '../../../../../src/runtime/strategy-factory.js';

export function listPets(scopes: readonly string[] = ['pets:read'], scheme = 'oauth'): OperationSpec {
  return { id: 'listPets', method: 'GET', path: '/api/pets', params: [], security: [[[scheme, scopes]]] };
}

export function clientCredentials(tokenUrl = '/oauth/token'): SchemeSpec {
  return { type: 'oauth2', flows: { clientCredentials: { tokenUrl, scopes: ['pets:read'] } } };
}

export function passwordFlow(tokenUrl = '/oauth/token'): SchemeSpec {
  return { type: 'oauth2', flows: { password: { tokenUrl, scopes: ['pets:read'] } } };
}

export function oauthClient(baseUrl: string, schemes: Record<string, SchemeSpec>, credentials: object, env: Partial<AuthEnvironment> = {}) {
  const auth = buildAuthStrategies(schemes, buildPlainCredentials(credentials, [oauth2Strategies]) as object, { baseUrl, ...env });
  return { core: testCore({ baseUrl, auth }), auth };
}

/** sleep() records and returns at once: retries are counted, not waited for. */
export function recordedSleeps() {
  const sleeps: number[] = [];
  return { sleeps, sleep: (ms: number) => (sleeps.push(ms), Promise.resolve()) };
}
