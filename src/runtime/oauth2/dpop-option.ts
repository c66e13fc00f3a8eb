/**
 * A credential's `dpop` option (RFC 9449): its shape checked when the client is made (`true`, or
 * an object with a `privateKey`). The key's public JWK and the proof algorithm are checked by the
 * prover (dpop.ts, loaded with import() the first time a proof is needed, before any request is
 * sent), so an app that never turns DPoP on never downloads those checks either.
 */
import { loadOnce } from '../lazy-core-modules.js';
import type { PrivateKeyInput } from './client-assertion.js';
import type { DpopProver } from './dpop.js';
import { loadDpop, loadDpopTokenRequest } from './lazy-modules.js';
import type { FormRequest, JsonObject, OAuthHttp } from './oauth-http.js';
import { member, own, schemeWhere } from './option-checks.js';
import { unloaded } from './token-error.js';
import type { AuthRequest } from '../auth-strategy.js';
import { OAUTH_PART, type OAuthPart, type PartHandOver } from './oauth-part.js';
import type { ClientAssertionAlg, DpopKey, TokenSet } from './types.js';

/** The key a `dpop` option names: made by the prover (`dpop: true`), or the application's (checked by the prover). */
export type DpopKeySpec = { generate: true } | { privateKey: PrivateKeyInput; publicJwk?: object | undefined; alg?: ClientAssertionAlg | undefined };

/** DPoP for one scheme, its prover loaded (once) when the first proof is needed. */
export interface DpopHandle {
  prover(): Promise<DpopProver>;
  /** A token request with a proof (dpop-token-request.ts, loaded on first use); as sendToServer. */
  post(http: OAuthHttp, url: URL, build: () => Promise<FormRequest>, what: string, retry: boolean): Promise<JsonObject>;
  /** The TokenSet type of a token_type (lower case) other than bearer: 'DPoP' for dpop, else none (refused). */
  tokenType(issued: string): 'DPoP' | undefined;
  /** Marks a Bearer answer to a DPoP request `dpopRefused`, so the application sees it. */
  issued(tokens: TokenSet): void;
  /** Sends a DPoP token with a fresh proof, in place of the Bearer value the strategy set; nothing for a Bearer token. */
  authorize(request: AuthRequest, tokens: TokenSet, nowMs: number): Promise<void>;
  /** The nonce each request's proof carried, so that only a new nonce earns a retry (oauth2-refusal.ts). */
  readonly sentNonce: WeakMap<AuthRequest, string | undefined>;
}

/** The DPoP a plain credential's `dpop` asks for; undefined when DPoP is off. Checks the shape now, the key on first use. */
export function dpopProverFor(grant: object, scheme: string): DpopHandle | undefined {
  const option = own(grant, 'dpop');
  if (option === undefined || option === false) return undefined;
  if (option !== true && member(option, 'privateKey') === undefined) throw new TypeError(`${schemeWhere(scheme)}dpop must be true or { privateKey, publicJwk }`);
  return dpopHandle(schemeWhere(scheme), scheme, keySpec(option === true ? undefined : (option as DpopKey)));
}

/** The key `dpop(key)` names, copied now: what the application changes later is not what it configured. */
function keySpec(key: DpopKey | undefined): DpopKeySpec {
  return key === undefined ? { generate: true } : { ...(key as DpopKeySpec) };
}

/**
 * `dpop()`: DPoP (RFC 9449) with a P-256 key pair made with WebCrypto for this client (the private
 * key cannot be exported); `dpop({ privateKey, publicJwk? })`: the application's own key. Its shape
 * is checked when the client is made, the key with the first proof.
 */
export function dpop(key?: DpopKey): OAuthPart<'dpop', PartHandOver> {
  const spec = keySpec(key);
  const privateKey = member(key, 'privateKey');
  return {
    [OAUTH_PART]: 'dpop',
    make(where, scheme) {
      const handle = dpopHandle(where, scheme, spec);
      return (oauth, options) => {
        // Its key is one more secret no error may show; the token requests sign a proof each, and so do the API calls.
        oauth.http.secrets.keys.push(privateKey);
        oauth.dpop = options.dpop = handle;
      };
    },
  };
}

function dpopHandle(where: string, scheme: string, key: DpopKeySpec): DpopHandle {
  if (!('generate' in key) && key.privateKey === undefined) throw new TypeError(`${where}dpop({ privateKey, publicJwk }) needs a privateKey`);
  // A failed load (offline) is not kept, so a later proof loads again; a bad key fails the same each time.
  const prover = loadOnce(async () => (await loadDpop().catch(unloaded(scheme, 'DPoP'))).makeDpopProver(scheme, key));
  const sentNonce = new WeakMap<AuthRequest, string | undefined>();
  return {
    prover,
    sentNonce,
    async post(http, url, build, what, retry) {
      const [{ postWithDpop }, made] = await Promise.all([loadDpopTokenRequest().catch(unloaded(scheme, 'DPoP')), prover()]);
      return postWithDpop(http, url, made, build, what, retry);
    },
    tokenType: (issued) => (issued === 'dpop' ? 'DPoP' : undefined),
    issued(tokens) {
      if (tokens.tokenType === 'Bearer') tokens.dpopRefused = true;
    },
    // A fresh proof per attempt (the core applies again on a retry and after a redirect).
    async authorize(request, tokens, nowMs) {
      if (tokens.tokenType.toLowerCase() === 'dpop') sentNonce.set(request, await (await prover()).authorize(request, tokens.accessToken, scheme, nowMs));
    },
  };
}
