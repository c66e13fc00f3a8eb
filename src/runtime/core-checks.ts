import type { CoreConfig } from './client-core.js';
import { resolveUrl } from './build-request.js';
import { retryPolicy } from './retry.js';

const HOOK_NAMES = ['beforeRequest', 'afterResponse', 'onError'];

export function positiveMs(value: unknown, option: string): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) throw new TypeError(`${option} must be a number of milliseconds > 0`);
  return value;
}

function checkHooks(hooks: unknown): void {
  if (hooks === undefined) return;
  if (typeof hooks !== 'object' || hooks === null) throw new TypeError('hooks must be an object of beforeRequest, afterResponse, onError');
  for (const [name, hook] of Object.entries(hooks)) {
    if (!HOOK_NAMES.includes(name)) throw new TypeError(`hooks has no ${JSON.stringify(name)}; the hooks are beforeRequest, afterResponse, onError`);
    if (hook !== undefined && typeof hook !== 'function') throw new TypeError(`hooks.${name} must be a function`);
  }
}

/** Fails at construction, not on the first request, on a config the client cannot use. */
export function checkCoreConfig(config: CoreConfig): void {
  if (typeof config?.baseUrl !== 'string') throw new TypeError('the client needs a baseUrl string');
  if (!(config.auth instanceof Map)) throw new TypeError('the client needs an auth Map (see buildAuthStrategies)');
  try {
    resolveUrl(config.baseUrl, '');
  } catch (error) {
    if (error instanceof TypeError && /user name or password/.test(error.message)) throw error;
    // Not quoted: a baseUrl may carry a key in its query.
    throw new TypeError('baseUrl is not a valid absolute URL (Invalid URL); expected one such as "https://api.example.com/v1"');
  }
  if (config.timeoutMs !== undefined) positiveMs(config.timeoutMs, 'timeoutMs');
  retryPolicy(config.retry); // malformed retry options fail here too
  checkHooks(config.hooks);
}
