/**
 * Apache httpd (Debian's /usr/sbin/apache2) as a user-level instance for the tests: its own
 * ServerRoot, config, PidFile and logs in a temp dir, listening on a free loopback port, stopped
 * by its process handle. Serves HTTP Basic under /basic/ and HTTP Digest (mod_auth_digest with
 * AuthDigestNcCheck On) under /digest/; /…/echo is a CGI script that answers with what it
 * received (method, user, body length and SHA-256).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from './free-port.js';

export const APACHE = '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';
const PYTHON = '/usr/bin/python3';

export interface ApacheUser {
  username: string;
  password: string;
}

export interface Apache {
  origin: string;
  /** The error log so far (why Apache refused something: "nonce count check failed", …). */
  errorLog(): string;
  /** Every request Apache answered so far, as `METHOD path status`. */
  accessLog(): string[];
  stop(): Promise<void>;
}

export function apacheAvailable(): boolean {
  return existsSync(APACHE) && existsSync(join(MODULES, 'mod_auth_digest.so'));
}

const ECHO_CGI = `#!${PYTHON}
import hashlib, json, os, sys
length = os.environ.get("CONTENT_LENGTH")
body = sys.stdin.buffer.read(int(length)) if length else sys.stdin.buffer.read()
print("Content-Type: application/json")
print()
print(json.dumps({"method": os.environ.get("REQUEST_METHOD"), "user": os.environ.get("REMOTE_USER"), "length": len(body), "sha256": hashlib.sha256(body).hexdigest()}))
`;

// Apache refuses to serve as root: then its children run as nobody, and the files must be readable.
const AS_ROOT = process.getuid?.() === 0;

function config(root: string, port: number, realm: string): string {
  const modules = ['mpm_prefork', 'authn_core', 'authn_file', 'authz_core', 'authz_user', 'auth_basic', 'auth_digest', 'alias', 'cgi'];
  return [
    `ServerRoot "${root}"`,
    `ServerName 127.0.0.1`,
    `Listen 127.0.0.1:${port}`,
    `PidFile "${root}/httpd.pid"`,
    `DefaultRuntimeDir "${root}"`,
    `Mutex file:${root} default`,
    `ErrorLog "${root}/error.log"`,
    `LogLevel warn auth_digest:info`,
    ...modules.map((name) => `LoadModule ${name}_module ${MODULES}/mod_${name}.so`),
    ...(AS_ROOT ? ['User nobody', 'Group nogroup'] : []),
    // Several processes, so the nonce counts live in shared memory as in production.
    `StartServers 2`,
    `MinSpareServers 2`,
    `MaxSpareServers 4`,
    `MaxRequestWorkers 40`,
    `KeepAlive On`,
    `LogFormat "%m %U %>s" keyway`,
    `CustomLog "${root}/access.log" keyway`,
    `DocumentRoot "${root}/htdocs"`,
    `ScriptAlias /basic/echo "${root}/cgi/echo"`,
    `ScriptAlias /digest/echo "${root}/cgi/echo"`,
    `ScriptAlias /short-digest/echo "${root}/cgi/echo"`,
    `<Location "/basic/">`,
    `  AuthType Basic`,
    `  AuthName "${realm}"`,
    `  AuthBasicProvider file`,
    `  AuthUserFile "${root}/basic.passwd"`,
    `  Require valid-user`,
    `</Location>`,
    `<Location "/digest/">`,
    `  AuthType Digest`,
    `  AuthName "${realm}"`,
    `  AuthDigestDomain /digest/`,
    `  AuthDigestProvider file`,
    `  AuthUserFile "${root}/digest.passwd"`,
    `  AuthDigestNcCheck On`,
    `  Require valid-user`,
    `</Location>`,
    // Nonces that expire after a second: a reused challenge then meets stale=true.
    `<Location "/short-digest/">`,
    `  AuthType Digest`,
    `  AuthName "${realm}"`,
    `  AuthDigestDomain /short-digest/`,
    `  AuthDigestProvider file`,
    `  AuthUserFile "${root}/digest.passwd"`,
    `  AuthDigestNcCheck On`,
    `  AuthDigestNonceLifetime 1`,
    `  Require valid-user`,
    `</Location>`,
    '',
  ].join('\n');
}

function run(command: string, args: string[], input?: string): void {
  const result = spawnSync(command, args, { input, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
}

async function listening(origin: string, child: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`apache2 exited with ${child.exitCode}: ${log()}`);
    try {
      await fetch(`${origin}/`);
      return;
    } catch {
      if (Date.now() > until) throw new Error(`apache2 did not listen within 20 s: ${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export async function startApache(user: ApacheUser, realm = 'keyway tests'): Promise<Apache> {
  const root = mkdtempSync(join(tmpdir(), 'keyway-apache-'));
  mkdirSync(join(root, 'htdocs'));
  mkdirSync(join(root, 'cgi'));
  writeFileSync(join(root, 'cgi', 'echo'), ECHO_CGI);
  chmodSync(join(root, 'cgi', 'echo'), 0o755);
  // htpasswd/htdigest read the password from stdin with -i; htdigest has no -i, so its line is written here.
  run('/usr/bin/htpasswd', ['-c', '-i', '-B', join(root, 'basic.passwd'), user.username], user.password);
  const { createHash } = await import('node:crypto');
  const ha1 = createHash('md5').update(`${user.username}:${realm}:${user.password}`).digest('hex');
  writeFileSync(join(root, 'digest.passwd'), `${user.username}:${realm}:${ha1}\n`);
  if (AS_ROOT) for (const path of [root, join(root, 'htdocs'), join(root, 'cgi')]) chmodSync(path, 0o755);
  for (const file of ['basic.passwd', 'digest.passwd']) chmodSync(join(root, file), 0o644);
  const log = (): string => (existsSync(join(root, 'error.log')) ? readFileSync(join(root, 'error.log'), 'utf8') : '');
  for (let tries = 1; ; tries++) {
    const port = await findFreePort();
    writeFileSync(join(root, 'httpd.conf'), config(root, port, realm));
    // Its own process group: on SIGTERM Apache signals its whole group, which must not include us.
    const child = spawn(APACHE, ['-f', join(root, 'httpd.conf'), '-DFOREGROUND'], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const origin = `http://127.0.0.1:${port}`;
    try {
      await listening(origin, child, () => `${stderr}${log()}`);
    } catch (error) {
      child.kill('SIGKILL');
      if (tries < 3 && /Address already in use/.test(`${stderr}${log()}`)) continue;
      rmSync(root, { recursive: true, force: true });
      throw error;
    }
    return {
      origin,
      errorLog: log,
      accessLog: () => (existsSync(join(root, 'access.log')) ? readFileSync(join(root, 'access.log'), 'utf8').split('\n').filter((line) => line !== '') : []),
      stop: () =>
        new Promise<void>((resolve) => {
          const done = (): void => {
            rmSync(root, { recursive: true, force: true });
            resolve();
          };
          if (child.exitCode !== null) return done();
          child.once('exit', done);
          // SIGTERM: the parent stops its children and removes its shared memory.
          child.kill('SIGTERM');
        }),
    };
  }
}
