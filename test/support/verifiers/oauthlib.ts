/**
 * Starts python oauthlib as an OAuth 1.0a verifier (see oauthlib-server.py) on a port the OS
 * picks, and stops it by its process handle.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Debian's python3 carries python3-oauthlib; the pyenv python3 on PATH does not. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

export interface OAuthlibServer {
  origin: string;
  stop(): Promise<void>;
}

export interface OAuthlibCredentials {
  consumerKey: string;
  consumerSecret: string;
  token: string;
  tokenSecret: string;
}

export function oauthlibAvailable(): boolean {
  return existsSync(SYSTEM_PYTHON);
}

export async function startOAuthlib(credentials: OAuthlibCredentials): Promise<OAuthlibServer> {
  const script = fileURLToPath(new URL('./oauthlib-server.py', import.meta.url));
  const child = spawn(SYSTEM_PYTHON, [script, credentials.consumerKey, credentials.consumerSecret, credentials.token, credentials.tokenSecret], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`oauthlib did not start within 15 s: ${stderr}`)), 15_000);
    child.stdout.once('data', (chunk: Buffer) => {
      clearTimeout(timer);
      resolve(Number(chunk.toString().trim().split('\n')[0]));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`oauthlib exited with ${code}: ${stderr}`));
    });
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
