/**
 * A scripted user agent for oidc-provider's development UI: plain fetch with manual redirects and a
 * cookie jar (name → value; every cookie is sent to every path, which the dev UI tolerates since
 * each cookie name is used by one step at a time). It signs in and consents on the
 * `/interaction/:uid` pages exactly as a person clicking through them would.
 */

export class CookieJar {
  readonly #cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq === -1) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', date = ''] = attribute.split('=');
        return key.trim().toLowerCase() === 'expires' && Date.parse(date) <= Date.now();
      });
      if (expired || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export interface Page {
  url: string;
  status: number;
  /** Location header of a redirect, resolved against `url`. */
  location?: string;
  body: string;
}

export class Browser {
  readonly jar = new CookieJar();

  async request(url: string, form?: Record<string, string>): Promise<Page> {
    const headers = new Headers({ cookie: this.jar.header() });
    const init: RequestInit = { redirect: 'manual', headers };
    if (form !== undefined) {
      init.method = 'POST';
      init.body = new URLSearchParams(form);
    }
    const response = await fetch(url, init);
    this.jar.store(response);
    const location = response.headers.get('location');
    return { url, status: response.status, body: await response.text(), ...(location ? { location: new URL(location, url).href } : {}) };
  }

  /** GET `url` and follow redirects until `stop(location)` says to stop there, or a non-redirect page arrives. */
  async follow(url: string, stop: (location: string) => boolean): Promise<Page> {
    let page = await this.request(url);
    for (let hops = 0; page.location !== undefined && !stop(page.location); hops++) {
      if (hops > 20) throw new Error(`too many redirects from ${url}`);
      page = await this.request(page.location);
    }
    return page;
  }
}

function formAction(page: Page): string {
  const action = /<form[^>]*action="([^"]+)"/.exec(page.body)?.[1];
  if (action === undefined) throw new Error(`no form on ${page.url} (status ${page.status})`);
  return new URL(action.replace(/&amp;/g, '&'), page.url).href;
}

/**
 * Completes the login and consent prompts the provider shows, starting from an interaction page,
 * until it redirects somewhere `stop` accepts or shows a non-interaction page.
 */
export async function completeInteractions(browser: Browser, start: Page, login: string, stop: (location: string) => boolean): Promise<Page> {
  let page = start;
  for (let prompts = 0; page.location === undefined; prompts++) {
    const prompt = /name="prompt" value="(\w+)"/.exec(page.body)?.[1];
    if (prompt === undefined) return page;
    if (prompts > 5) throw new Error('the provider keeps prompting');
    const answer: Record<string, string> = prompt === 'login' ? { prompt, login, password: 'dev-interactions-ignore-this' } : { prompt };
    const submitted = await browser.request(formAction(page), answer);
    if (submitted.location === undefined) throw new Error(`submitting the ${prompt} prompt did not redirect (status ${submitted.status})`);
    page = stop(submitted.location) ? submitted : await browser.follow(submitted.location, stop);
  }
  return page;
}
