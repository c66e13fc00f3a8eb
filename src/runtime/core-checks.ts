import type { CoreConfig } from './client-core.js';
import { resolveUrl } from './build-request.js';
import { checkedNumber, checkedRetry, type RetryOptions } from './retry.js';

const HOOKS = 'beforeRequest afterResponse onError';

/** Fails at construction, not on the first request, on a config the client cannot use; the client's retry options checked (a copy) when it can. */
export function checkCoreConfig(config: CoreConfig): RetryOptions | false | undefined {
  if (typeof config?.baseUrl !== 'string' || !(config.auth instanceof Map)) throw new TypeError('ClientCore needs baseUrl and auth');
  resolveUrl(config.baseUrl, ''); // refuses an invalid URL, or one with a user name or password
  if (config.timeoutMs !== undefined) checkedNumber(config.timeoutMs, 'timeoutMs');
  const hooks: unknown = config.hooks;
  if (hooks !== undefined) {
    if (typeof hooks !== 'object' || hooks === null) throw new TypeError('hooks must be an object');
    // One message for a misspelt name and for a value that is not a function: it says what each must be.
    for (const [name, hook] of Object.entries(hooks)) {
      if (!HOOKS.split(' ').includes(name) || (hook !== undefined && typeof hook !== 'function')) throw new TypeError(`hooks.${name} must be a function, and one of ${HOOKS}`);
    }
  }
  return checkedRetry(config.retry); // malformed retry options fail here too
}
