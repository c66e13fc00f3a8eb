/**
 * A credential's `dpop` option (RFC 9449): its shape checked when the client is made (`true`, or
 * an object with a `privateKey`). The key's public JWK and the proof algorithm are checked by the
 * prover (dpop.ts, loaded with import() the first time a proof is needed, before any request is
 * sent), so an app that never turns DPoP on never downloads those checks either.
 */
import { loadOnce } from '../lazy-core-modules.js';
import type { PrivateKeyInput } from './client-assertion.js';
import type { DpopProver } from './dpop.js';
import { loadDpop } from './lazy-modules.js';
import { member, own, schemeWhere } from './option-checks.js';
import { unloaded } from './token-error.js';
import type { ClientAssertionAlg } from './types.js';

/** The key a `dpop` option names: made by the prover (`dpop: true`), or the application's (checked by the prover). */
export type DpopKeySpec = { generate: true } | { privateKey: PrivateKeyInput; publicJwk?: object | undefined; alg?: ClientAssertionAlg | undefined };

/** DPoP for one scheme, its prover loaded (once) when the first proof is needed. */
export interface DpopHandle {
  prover(): Promise<DpopProver>;
}

/** The DPoP a credential's `dpop` asks for; undefined when DPoP is off. Checks the shape now, the key on first use. */
export function dpopProverFor(grant: object, scheme: string): DpopHandle | undefined {
  const option = own(grant, 'dpop');
  if (option === undefined || option === false) return undefined;
  if (option !== true && member(option, 'privateKey') === undefined) throw new TypeError(`${schemeWhere(scheme)}dpop must be true or { privateKey, publicJwk }`);
  // Copied now: what the application changes later is not what it configured.
  const key: DpopKeySpec = option === true ? { generate: true } : { ...(option as DpopKeySpec) };
  // A failed load (offline) is not kept, so a later proof loads again; a bad key fails the same each time.
  return { prover: loadOnce(async () => (await loadDpop().catch(unloaded(scheme, 'DPoP'))).makeDpopProver(scheme, key)) };
}
