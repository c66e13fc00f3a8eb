// Checks the requests a generated AWS client signs against AWS's own signer: every operation is
// called with sample arguments through a fetch that records the request instead of sending it,
// and the recorded Authorization header must equal the one @smithy/signature-v4 computes for the
// same request with the signing name and region an AWS SDK would use.
// Shared by `npm run corpus:aws` (scripts/aws-corpus.mjs) and test/e2e/aws-directory.test.ts.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFile } from 'node:fs/promises';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { build } from 'esbuild';

// AWS's documented example keys: they sign, and open nothing.
export const EXAMPLE_KEYS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session/token+example=' };

/** The generated client (index.ts) and its operation specs, bundled to one ES module and imported. */
export async function importClient(dir) {
  const entry = join(dir, '__signing-entry.ts');
  await writeFile(entry, "export * from './index.ts';\nexport { operations } from './operations.ts';\n");
  const out = join(dir, '__signing-bundle.mjs');
  await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', outfile: out, logLevel: 'silent' });
  return import(pathToFileURL(out).href);
}

/** The signing name and region the AWS SDKs would use for a document: info, then the region variable. */
export function expectedScope(document) {
  const info = document.info ?? {};
  const service = info['x-aws-signingName'] ?? info['x-serviceName'];
  const server = (document.servers ?? [])[0];
  const region = server?.variables?.region?.default ?? 'us-east-1';
  return { service, region };
}

const SAMPLE_TEXT = 'a b+c~é/✓';

/** Arguments that fill every parameter (values needing encoding) and the body. */
export function sampleArgs(op) {
  const args = {};
  for (const param of op.params) {
    if (!param.required && param.in !== 'query' && param.in !== 'path') continue;
    args[param.key] = param.in === 'header' ? 'header value' : SAMPLE_TEXT;
  }
  if (op.body !== undefined) {
    const byEncoding = { json: { Name: SAMPLE_TEXT }, form: { Name: SAMPLE_TEXT }, multipart: { Name: SAMPLE_TEXT }, text: SAMPLE_TEXT, binary: new TextEncoder().encode(SAMPLE_TEXT) };
    args[op.body.key] = byEncoding[op.body.encoding];
  }
  return args;
}

function decode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function smithyQuery(search) {
  const query = {};
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const key = decode(equals === -1 ? part : part.slice(0, equals));
    const value = equals === -1 ? '' : decode(part.slice(equals + 1));
    const seen = query[key];
    query[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query;
}

async function bodyBytes(body) {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (body instanceof Blob) return new Uint8Array(await body.arrayBuffer());
  throw new Error(`unexpected body type ${Object.prototype.toString.call(body)}`);
}

/** smithy's Authorization for a recorded request, signing exactly the headers ours signed. */
async function smithyAuthorization(recorded, scope, s3) {
  const url = new URL(recorded.url);
  const headers = { host: url.host };
  for (const [name, value] of recorded.headers) if (name === 'content-type' || name.startsWith('x-amz-')) headers[name] = value;
  const amzDate = headers['x-amz-date'];
  const date = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  const signer = new SignatureV4({ credentials: EXAMPLE_KEYS, region: scope.region, service: scope.service, sha256: Sha256, uriEscapePath: !s3, applyChecksum: s3 });
  const signed = await signer.sign(
    { method: recorded.method, protocol: url.protocol, hostname: url.hostname, path: url.pathname, query: smithyQuery(url.search), headers, body: await bodyBytes(recorded.body) },
    { signingDate: date },
  );
  return signed.headers.authorization;
}

/**
 * Calls every operation (at most `limit`) of a generated client and compares signatures.
 * Returns { operations, identical, failures: [{ operation, reason }] }.
 */
export async function checkSignatures(mod, document, { limit = Infinity } = {}) {
  const ClientClass = Object.values(mod).find((value) => typeof value === 'function' && /Client$/.test(value.name));
  if (ClientClass === undefined) throw new Error('the generated module exports no client class');
  const schemes = document.components?.securitySchemes ?? {};
  const s3 = Object.values(schemes).some((scheme) => scheme?.['x-amazon-apigateway-authtype'] === 'awsS3');
  const scope = expectedScope(document);
  const schemeKey = Object.keys(schemes).find((key) => ['awsSigv4', 'awsS3'].includes(schemes[key]?.['x-amazon-apigateway-authtype']));
  let recorded;
  const recordingFetch = async (input, init) => {
    recorded = { url: String(input), method: init.method, headers: new Headers(init.headers), body: init.body };
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const client = new ClientClass({ auth: { [schemeKey]: EXAMPLE_KEYS }, fetch: recordingFetch });
  const result = { operations: 0, identical: 0, failures: [] };
  for (const [name, op] of Object.entries(mod.operations).slice(0, limit)) {
    result.operations++;
    recorded = undefined;
    try {
      await client[name](sampleArgs(op));
      if (recorded === undefined) throw new Error('nothing was sent');
      const ours = recorded.headers.get('authorization');
      const theirs = await smithyAuthorization(recorded, scope, s3);
      if (ours === theirs) result.identical++;
      else result.failures.push({ operation: name, reason: `signature differs: ours ${ours}, smithy ${theirs}` });
    } catch (error) {
      result.failures.push({ operation: name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}
