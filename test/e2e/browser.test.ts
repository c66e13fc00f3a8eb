/**
 * The generated client in a real browser: Debian's Chromium, headless, driven by puppeteer-core.
 * The client (fixtures/compat/every-scheme.yaml, every scheme family) is bundled for the browser
 * with esbuild and loaded by a page from one local origin; it calls an API on another, so every
 * call is cross-origin and the browser itself enforces CORS (preflights included). The API's token
 * endpoint and bearer check are @node-oauth/oauth2-server's. The assertions are what the API
 * server received and accepted. Skipped, with the reason printed, only where no Chromium is
 * installed (`scripts/ensure-servers.sh` installs it as root).
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import OAuth2Server from '@node-oauth/oauth2-server';
import { build } from 'esbuild';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { ROOT } from '../support/run-cli.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
if (CHROMIUM === undefined) console.log('browser.test.ts skipped: no Chromium at /usr/bin/chromium (apt-get install -y chromium; scripts/ensure-servers.sh does it as root)');

const CLIENT = { id: 'browser-app', secret: 'browser-secret' };
const API_KEY = 'browser-key';

interface Received {
  method: string;
  path: string;
  origin: string | undefined;
  apiKey: string | undefined;
  authorization: string | undefined;
  /** Access-Control-Request-Headers of a preflight. */
  requestHeaders: string | undefined;
  body: string;
  /** What the API decided: the OAuth server's verdict, or the API key check. */
  accepted?: boolean;
}

/** The page's entry: runs in the browser, calls the API with each credential, returns what came back. */
const ENTRY = `
import { EverySchemeClient } from './client/index.js';

globalThis.keywayRun = async (api) => {
  const byKey = new EverySchemeClient({ baseUrl: api, auth: { key: ${JSON.stringify(API_KEY)} }, retry: false });
  const byOAuth = new EverySchemeClient({
    baseUrl: api,
    retry: false,
    auth: { oauth: { clientId: ${JSON.stringify(CLIENT.id)}, clientSecret: ${JSON.stringify(CLIENT.secret)}, tokenUrl: api + '/oauth/token' } },
  });
  const keyPets = await byKey.listPets({ limit: 2 });
  const oauthPets = await byOAuth.listPets({ limit: 3 });
  const again = await byOAuth.listPets({ limit: 4 }); // the cached token, no second token request
  let refused;
  try {
    await new EverySchemeClient({ baseUrl: api, auth: { key: 'wrong' }, retry: false }).listPets();
  } catch (error) {
    refused = { name: error.name, status: error.status };
  }
  return { keyPets, oauthPets, again, refused, secureContext: globalThis.isSecureContext, userAgent: navigator.userAgent };
};
`;

let dir: string;
let bundle: string;
let browser: Browser | undefined;
let pageServer: Server;
let apiServer: Server;
let pageOrigin: string;
let apiOrigin: string;
const received: Received[] = [];
/** Access tokens the OAuth server issued, in order. */
const issued: string[] = [];

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

function close(server: Server | undefined): Promise<void> {
  if (server === undefined || !server.listening) return Promise.resolve();
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** The API and its token endpoint, allowing the page's origin (and only it) by CORS. */
function apiHandler(): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const tokens = new Map<string, Date>();
  const oauth = new OAuth2Server({
    model: {
      getClient: async (clientId: string, clientSecret: string) => (clientId === CLIENT.id && clientSecret === CLIENT.secret ? { id: clientId, grants: ['client_credentials'] } : false),
      getUserFromClient: async () => ({ id: 'service' }),
      saveToken: async (token: OAuth2Server.Token, client: OAuth2Server.Client, user: OAuth2Server.User) => {
        tokens.set(token.accessToken, token.accessTokenExpiresAt!);
        issued.push(token.accessToken);
        return { ...token, client, user };
      },
      getAccessToken: async (accessToken: string) => {
        const expires = tokens.get(accessToken);
        return expires === undefined ? false : { accessToken, accessTokenExpiresAt: expires, client: { id: CLIENT.id, grants: [] }, user: { id: 'service' } };
      },
    } as OAuth2Server.ClientCredentialsModel,
  });
  return async (req, res) => {
    const url = new URL(req.url ?? '/', apiOrigin);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, String(value)]));
    const entry: Received = {
      method: req.method ?? '',
      path: url.pathname + url.search,
      origin: headers['origin'],
      apiKey: headers['x-api-key'],
      authorization: headers['authorization'],
      requestHeaders: headers['access-control-request-headers'],
      body: await readBody(req),
    };
    received.push(entry);
    const cors = headers['origin'] === pageOrigin ? { 'access-control-allow-origin': pageOrigin, vary: 'Origin' } : {};
    const send = (status: number, payload: unknown, extra: Record<string, string> = {}): void => {
      res.writeHead(status, { ...cors, ...extra, 'content-type': 'application/json' }).end(JSON.stringify(payload));
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'authorization, content-type, x-api-key', 'access-control-max-age': '0' }).end();
      return;
    }
    const request = new OAuth2Server.Request({ method: entry.method, headers, query: Object.fromEntries(url.searchParams), body: Object.fromEntries(new URLSearchParams(entry.body)) });
    const response = new OAuth2Server.Response({ headers: {} });
    if (url.pathname === '/oauth/token') {
      await oauth.token(request, response).then(
        () => {
          entry.accepted = true;
          send(response.status ?? 200, response.body, response.headers as Record<string, string>);
        },
        (error: { code?: number; name?: string }) => {
          entry.accepted = false;
          send(error.code ?? 500, { error: error.name });
        },
      );
    } else if (url.pathname === '/pets') {
      const pet = (name: string) => ({ id: `${name}-${url.searchParams.get('limit')}`, name });
      if (entry.apiKey !== undefined) {
        entry.accepted = entry.apiKey === API_KEY;
        send(entry.accepted ? 200 : 401, entry.accepted ? [pet('by-key')] : { title: 'bad key' });
        return;
      }
      await oauth.authenticate(request, response).then(
        () => {
          entry.accepted = true;
          send(200, [pet('by-oauth')]);
        },
        (error: { code?: number }) => {
          entry.accepted = false;
          send(error.code ?? 401, { title: 'unauthorized' });
        },
      );
    } else send(404, {});
  };
}

beforeAll(async () => {
  if (CHROMIUM === undefined) return;
  dir = await makeTempDir('keyway-browser-');
  await generate({ input: join(ROOT, 'fixtures/compat/every-scheme.yaml'), output: join(dir, 'client') });
  await writeFile(join(dir, 'entry.js'), ENTRY);
  const built = await build({ entryPoints: [join(dir, 'entry.js')], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent' });
  bundle = built.outputFiles[0]!.text;

  const handle = apiHandler();
  apiServer = createServer((req, res) => void handle(req, res));
  pageServer = createServer((req, res) => {
    if (req.url === '/client.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    else if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>keyway</title><script type="module" src="/client.js"></script>');
    else res.writeHead(404).end();
  });
  apiOrigin = await listen(apiServer);
  pageOrigin = await listen(pageServer);
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    // --no-sandbox: the tests run as root (CI), where Chromium's sandbox refuses to start.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-extensions'],
    timeout: 30_000,
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await close(pageServer);
  await close(apiServer);
  if (dir !== undefined) await removeTempDir(dir);
});

describe.skipIf(CHROMIUM === undefined)('in Chromium', () => {
  it('calls the API cross-origin with an API key and with OAuth 2.0 client credentials, and the server gets them', async () => {
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${pageOrigin}/`, { waitUntil: 'load', timeout: 30_000 });
    await page.waitForFunction('typeof globalThis.keywayRun === "function"', { timeout: 30_000 });
    const result = (await page.evaluate((api: string) => (globalThis as unknown as { keywayRun: (api: string) => Promise<unknown> }).keywayRun(api), apiOrigin)) as {
      keyPets: unknown;
      oauthPets: unknown;
      again: unknown;
      refused: unknown;
      userAgent: string;
    };
    expect(errors).toEqual([]);
    expect(result.userAgent).toMatch(/HeadlessChrome|Chrome/);
    expect(result.keyPets).toEqual([{ id: 'by-key-2', name: 'by-key' }]);
    expect(result.oauthPets).toEqual([{ id: 'by-oauth-3', name: 'by-oauth' }]);
    expect(result.again).toEqual([{ id: 'by-oauth-4', name: 'by-oauth' }]);
    expect(result.refused).toEqual({ name: 'ApiError', status: 401 });

    // Every request came from the page's origin, through the browser's CORS machinery.
    expect(received.every((r) => r.origin === pageOrigin)).toBe(true);
    const preflights = received.filter((r) => r.method === 'OPTIONS');
    expect(preflights.map((r) => r.requestHeaders)).toEqual(expect.arrayContaining(['x-api-key', 'authorization']));

    const calls = received.filter((r) => r.method !== 'OPTIONS');
    const byKey = calls.filter((r) => r.path === '/pets?limit=2');
    expect(byKey).toMatchObject([{ method: 'GET', apiKey: API_KEY, authorization: undefined, accepted: true }]);

    const tokenRequests = calls.filter((r) => r.path === '/oauth/token');
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]).toMatchObject({ method: 'POST', accepted: true, authorization: `Basic ${btoa(`${CLIENT.id}:${CLIENT.secret}`)}` });
    expect(Object.fromEntries(new URLSearchParams(tokenRequests[0]!.body))).toEqual({ grant_type: 'client_credentials', scope: 'pets:read' });

    const byOAuth = calls.filter((r) => r.path === '/pets?limit=3' || r.path === '/pets?limit=4');
    expect(byOAuth).toHaveLength(2);
    expect(issued).toHaveLength(1);
    for (const call of byOAuth) expect(call).toMatchObject({ method: 'GET', apiKey: undefined, accepted: true, authorization: `Bearer ${issued[0]}` });
    expect(calls.filter((r) => r.apiKey === 'wrong')).toMatchObject([{ accepted: false }]);
    await page.close();
  }, 60_000);
});
