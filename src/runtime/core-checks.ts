import type { CoreConfig } from './client-core.js';
import { resolveUrl } from './build-request.js';
import { checkedNumber, retryPolicy, type RetryPolicy } from './retry.js';

const HOOKS = 'beforeRequest afterResponse onError';

/** Fails at construction, not on the first request, on a config the client cannot use; the client's retry policy when it can. */
export function checkCoreConfig(config: CoreConfig): RetryPolicy {
  if (typeof config?.baseUrl !== 'string' || !(config.auth instanceof Map)) throw new TypeError('ClientCore needs a baseUrl string and an auth Map');
  resolveUrl(config.baseUrl, ''); // refuses an invalid URL, or one with a user name or password
  if (config.timeoutMs !== undefined) checkedNumber(config.timeoutMs, 'timeoutMs');
  const hooks: unknown = config.hooks;
  if (hooks !== undefined) {
    if (typeof hooks !== 'object' || hooks === null) throw new TypeError('hooks must be an object');
    for (const [name, hook] of Object.entries(hooks)) {
      if (!HOOKS.split(' ').includes(name)) throw new TypeError(`hooks has no ${JSON.stringify(name)} (${HOOKS})`);
      if (hook !== undefined && typeof hook !== 'function') throw new TypeError(`hooks.${name} must be a function`);
    }
  }
  return retryPolicy(config.retry); // malformed retry options fail here too
}
