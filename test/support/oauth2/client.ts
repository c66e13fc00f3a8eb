import type { SchemeSpec } from '../../../src/runtime/auth-strategy.js';
import { testCore } from '../test-core.js';
import type { AuthEnvironment } from '../../../src/runtime/oauth2/types.js';
import type { OperationSpec } from '../../../src/runtime/operation.js';
import { createAuthStrategies } from '../create-auth-strategies.js';

/** GET /api/pets, asking the `oauth` scheme for the given scopes. */
export function listPets(scopes: readonly string[] = ['pets:read'], scheme = 'oauth'): OperationSpec {
  return { id: 'listPets', method: 'GET', path: '/api/pets', params: [], security: [[[scheme, scopes]]] };
}

export function clientCredentialsScheme(tokenUrl = '/oauth/token', extra: { refreshUrl?: string } = {}): SchemeSpec {
  return { type: 'oauth2', flows: { clientCredentials: { tokenUrl, scopes: ['pets:read', 'pets:write'], ...extra } } };
}

/**
 * A ClientCore whose `oauth` scheme (and any others given) use the credentials given; its `strategy`
 * reaches a scheme's strategy for authorizationFlow, as a generated Core's sign-in accessor does.
 */
export function makeClient(baseUrl: string, schemes: Record<string, SchemeSpec>, credentials: object, env: Partial<AuthEnvironment> = {}) {
  const auth = createAuthStrategies(schemes, credentials, { baseUrl, ...env });
  return { core: Object.assign(testCore({ baseUrl, auth }), { strategy: (scheme: string) => auth.get(scheme) }), auth };
}
