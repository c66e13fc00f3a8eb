// Runs the split petstore bundle in a child Node process against a token endpoint and an API
// started here (node:http, 127.0.0.1, a port the OS picks), and reports which chunk files the app
// loaded while it made its call: what a browser would have downloaded. The call must have worked:
// one client-credentials token request (HTTP Basic with the app's id and secret), and the API must
// have seen that token as a Bearer.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CLIENT_ID = 'pet-app';
const CLIENT_SECRET = 'bench-secret';
const ACCESS_TOKEN = 'bench-access-token';
const CHILD_TIMEOUT_MS = 60_000;

function readBody(request) {
  return new Promise((resolve, reject) => {
    const parts = [];
    request.on('data', (part) => parts.push(part));
    request.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    request.on('error', reject);
  });
}

function startServer() {
  const seen = { tokenRequests: 0, badTokenRequests: [], apiRequests: 0, apiBearers: [] };
  const expectedBasic = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const path = new URL(request.url, 'http://127.0.0.1').pathname;
    if (request.method === 'POST' && path === '/oauth/token') {
      seen.tokenRequests += 1;
      const form = new URLSearchParams(body);
      if (request.headers.authorization !== expectedBasic || form.get('grant_type') !== 'client_credentials') {
        seen.badTokenRequests.push({ authorization: request.headers.authorization === expectedBasic ? 'ok' : 'wrong', grantType: form.get('grant_type') });
        response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid_client"}');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify({ access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: 3600, scope: form.get('scope') ?? undefined }));
      return;
    }
    if (request.method === 'GET' && path === '/v1/pets') {
      seen.apiRequests += 1;
      seen.apiBearers.push(request.headers.authorization ?? '');
      response.writeHead(200, { 'content-type': 'application/json' }).end('[{"id":1,"name":"Rex"},{"id":2,"name":"Tom"}]');
      return;
    }
    response.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, seen, origin: `http://127.0.0.1:${server.address().port}` })));
}

function runChild(entryFile, storage, loadsFile) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./app-child.mjs', import.meta.url)), entryFile], {
      env: { ...process.env, KEYWAY_BENCH_STORAGE: JSON.stringify(storage), KEYWAY_BENCH_LOADS: loadsFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (part) => (stdout += part));
    child.stderr.on('data', (part) => (stderr += part));
    const timer = setTimeout(() => child.kill(), CHILD_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Runs `entryFile` (a chunk of the split build written to `outdir`, whose package.json says ESM)
 * and returns the chunk files it loaded (paths relative to `outdir`). Throws when the call failed
 * or the servers did not see what a client-credentials call sends.
 */
export async function runPetstoreApp(outdir, entryFile) {
  writeFileSync(join(outdir, 'package.json'), '{ "type": "module" }\n');
  const loadsFile = join(outdir, 'loaded-modules.txt');
  writeFileSync(loadsFile, '');
  const { server, seen, origin } = await startServer();
  try {
    const storage = { secret: CLIENT_SECRET, petstore: JSON.stringify({ baseUrl: `${origin}/v1`, tokenUrl: `${origin}/oauth/token` }) };
    const run = await runChild(entryFile, storage, loadsFile);
    const problems = [];
    if (run.code !== 0) problems.push(`the app exited with ${run.code}: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    if (run.stdout.trim() !== '2') problems.push(`the app printed ${JSON.stringify(run.stdout.trim())}, not the 2 pets the API sent`);
    if (seen.tokenRequests !== 1 || seen.badTokenRequests.length > 0) problems.push(`the token endpoint counted ${seen.tokenRequests} request(s) (want 1), refused ${JSON.stringify(seen.badTokenRequests)}`);
    if (seen.apiRequests !== 1 || seen.apiBearers[0] !== `Bearer ${ACCESS_TOKEN}`) problems.push(`the API counted ${seen.apiRequests} request(s) (want 1) with ${seen.apiBearers.map((b) => b.split(' ')[0] || 'no authorization').join(', ') || 'none'}`);
    if (problems.length > 0) throw new Error(`the petstore app's client-credentials call failed: ${problems.join('; ')}`);
    const prefix = `${pathToFileURL(outdir).href}/`;
    const loaded = readFileSync(loadsFile, 'utf8').split('\n').filter((url) => url.startsWith(prefix) && url.endsWith('.js'));
    return { loaded: [...new Set(loaded.map((url) => decodeURIComponent(url.slice(prefix.length))))], seen };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
