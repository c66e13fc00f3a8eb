import type { SecurityScheme } from '../../model/index.js';
import { apiKey } from './api-key.js';
import { awsSigV4 } from './aws-sigv4.js';
import { httpDigest } from './digest.js';
import { http } from './http.js';
import { mutualTls } from './mutual-tls.js';
import { oauth1 } from './oauth1.js';
import { oauth2, openIdConnect } from './oauth2.js';
import type { SchemeFamily } from './scheme-family.js';

/**
 * Every scheme family keyway generates, in the order they are asked: specific before general. The
 * same order is the order a client tries its strategy factories, so a specific HTTP scheme
 * (digest, OAuth 1.0a) is taken by its own factory before the catch-all static one sees it.
 */
export const SCHEME_CATALOG: readonly SchemeFamily[] = [httpDigest, oauth1, oauth2, openIdConnect, mutualTls, awsSigV4, apiKey, http];

/** The family that owns a model scheme. Every model scheme has one: the model's kinds are all covered. */
export function familyOf(scheme: SecurityScheme): SchemeFamily {
  const family = SCHEME_CATALOG.find((f) => f.claims(scheme));
  if (family === undefined) throw new Error(`internal: no scheme family claims ${scheme.kind} scheme ${JSON.stringify(scheme.key)}`);
  return family;
}

/** Strategy factories in catalog order, each once: the order a client passes them to the runtime. */
export function factoryOrder(): string[] {
  return [...new Set(SCHEME_CATALOG.map((f) => f.factory))];
}
