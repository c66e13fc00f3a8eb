/**
 * Starts Stoplight Prism (devDependency @stoplight/prism-cli 5.14.2) as a mock server for end-to-end
 * tests. Prism validates every request against the spec, then answers from the spec's examples; it
 * never echoes what it received, so e2e tests can assert only status codes (and prism's logs()).
 *
 * What prism 5.14.2 checks about credentials. Lines without a mark are asserted by
 * test/support/prism.test.ts against fixtures/e2e/auth-matrix.yaml; [source] = read in
 * @stoplight/prism-http/dist/validator/validators/security, not exercised.
 * - Any failed requirement → 401. If the operation declares a 401 response prism answers with it
 *   (empty body when it has no content, NO WWW-Authenticate, header `sl-violations` containing
 *   "Invalid security scheme used"); otherwise it invents an application/problem+json 401 with
 *   `WWW-Authenticate: Basic realm="*"` for basic ([source]: `Bearer` for bearer/oauth2/openIdConnect).
 *   A security failure wins over body/param violations: 401, not 422.
 * - apiKey header: present with a non-empty value; header name case-insensitive; value not checked.
 * - apiKey query: present with a non-empty value; name case-SENSITIVE; value not checked.
 * - apiKey cookie: the regex `<name>=.+` matched ANYWHERE in the Cookie header, so `xsession_id=1`
 *   satisfies a cookie named `session_id`: presence is checked loosely.
 * - http basic: `Authorization: <scheme> <token>`, scheme case-insensitive, token must base64-decode
 *   to text with EXACTLY ONE ':'. Empty user or password passes; a password containing ':' is
 *   REJECTED (prism bug; RFC 7617 allows it), so e2e tests must not use one. Non-base64 junk fails.
 * - http bearer: `Authorization` must match /^Bearer\s.+$/: case-SENSITIVE `Bearer`, any token.
 *   `bearer x`, `Bearer ` and a Basic header fail; `?access_token=` is not accepted.
 *   [source] oauth2 and openIdConnect schemes are checked exactly like bearer (no scope checks).
 * - AND (several schemes in one requirement object): every one must pass. [source] So an AND of two
 *   Authorization-header schemes (basic + bearer) can never pass.
 * - OR (several requirement objects): one passing alternative is enough.
 * - `security: []`: nothing is checked, a stray Authorization header included. [source] Same when
 *   neither the operation nor the document declares security.
 * - `{}` among the alternatives: satisfied only when there is NO Authorization header at all. No
 *   credentials → 2xx; an unrelated `Authorization` → 401 unless another alternative passes.
 * - An operation without `security` inherits the document's; one with it replaces the document's.
 * Request validation → 422 (the declared 422, else [source] a generated problem+json 422): non-integer
 * path param, missing body, body schema, unsupported content type, and each query array item
 * (explode form `?tags=a&tags=b`; `?tags=a,b` is one item "a,b" and fails an enum).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { findFreePort } from './free-port.js';

export interface PrismServer {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Kills prism (its whole process group) and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
  /** Everything prism printed so far (stdout and stderr interleaved, colour codes removed). */
  logs(): string;
}

export interface PrismOptions {
  /** Pass `--errors`: response violations become error responses too. */
  errors?: boolean;
  /** How long to wait for "Prism is listening"; default 30 s. */
  startTimeoutMs?: number;
}

const HOST = '127.0.0.1';
const READY_LINE = 'Prism is listening on';
const PORT_ATTEMPTS = 3;
const STOP_GRACE_MS = 5_000;
/** Prism logs several lines per request; keep only the tail so a long suite cannot exhaust memory. */
const MAX_LOG_CHARS = 2_000_000;

function prismEntry(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@stoplight/prism-cli/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: { prism: string } };
  return join(dirname(manifestPath), manifest.bin.prism);
}

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

class LogBuffer {
  private text = '';
  append(chunk: Buffer): void {
    this.text += chunk.toString('utf8').replace(ANSI, '');
    if (this.text.length > MAX_LOG_CHARS) this.text = this.text.slice(-MAX_LOG_CHARS);
  }
  toString(): string {
    return this.text;
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // Negative pid: the whole group, so a forked prism (-m) or any helper dies with it.
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => resolvePromise(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolvePromise(true);
    });
  });
}

type StartOutcome = { ready: true } | { ready: false; portTaken: boolean; reason: string };

function waitUntilReady(child: ChildProcess, logs: LogBuffer, timeoutMs: number): Promise<StartOutcome> {
  return new Promise((resolvePromise) => {
    const finish = (outcome: StartOutcome): void => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.stderr?.off('data', check);
      child.off('exit', onExit);
      resolvePromise(outcome);
    };
    const check = (): void => {
      if (logs.toString().includes(READY_LINE)) finish({ ready: true });
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      finish({ ready: false, portTaken: logs.toString().includes('EADDRINUSE'), reason: `exited early (code ${code}, signal ${signal})` });
    };
    const timer = setTimeout(() => finish({ ready: false, portTaken: false, reason: `not ready after ${timeoutMs} ms` }), timeoutMs);
    // Registered after the LogBuffer's own listeners, so the chunk is already appended when check runs.
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', onExit);
    check();
  });
}

async function startOnce(entry: string, spec: string, port: number, options: PrismOptions) {
  const args = [entry, 'mock', spec, '--host', HOST, '--port', String(port)];
  if (options.errors) args.push('--errors');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const logs = new LogBuffer();
  child.stdout?.on('data', (chunk: Buffer) => logs.append(chunk));
  child.stderr?.on('data', (chunk: Buffer) => logs.append(chunk));
  // If the test process dies without calling stop(), do not leave prism holding the port.
  const killOnExit = (): void => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);
  const outcome = await waitUntilReady(child, logs, options.startTimeoutMs ?? 30_000);
  return { child, logs, outcome, killOnExit };
}

export async function startPrism(specPath: string, options: PrismOptions = {}): Promise<PrismServer> {
  const entry = prismEntry();
  const spec = resolve(specPath);
  let lastFailure = '';
  for (let attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
    const port = await findFreePort(HOST);
    const { child, logs, outcome, killOnExit } = await startOnce(entry, spec, port, options);
    const stop = async (): Promise<void> => {
      killGroup(child, 'SIGTERM');
      if (!(await waitForExit(child, STOP_GRACE_MS))) {
        killGroup(child, 'SIGKILL');
        await waitForExit(child, STOP_GRACE_MS);
      }
      process.off('exit', killOnExit);
    };
    if (outcome.ready) {
      return { url: `http://${HOST}:${port}`, stop, logs: () => logs.toString() };
    }
    await stop();
    lastFailure = `prism ${outcome.reason}\n${logs.toString()}`;
    if (!outcome.portTaken) break;
  }
  throw new Error(`could not start prism for ${spec}: ${lastFailure}`);
}
