import type { TokenSet, TokenStore } from './types.js';

/** The default TokenStore: one per client, gone with the process. */
export class MemoryTokenStore implements TokenStore {
  // Private so that inspecting the store (or a client holding it) never shows a token.
  readonly #tokens = new Map<string, TokenSet>();

  get(key: string): Promise<TokenSet | undefined> {
    return Promise.resolve(this.#tokens.get(key));
  }

  set(key: string, tokens: TokenSet): Promise<void> {
    this.#tokens.set(key, tokens);
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.#tokens.delete(key);
    return Promise.resolve();
  }
}
