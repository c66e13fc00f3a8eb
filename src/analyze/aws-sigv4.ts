/**
 * AWS Signature Version 4 in a document: API Gateway and the AWS-converted descriptions mark it
 * with `x-amazon-apigateway-authtype` on a scheme, name the service in `info`, and put the region
 * in a server variable.
 */
import type { AwsSigV4Scheme } from '../model/index.js';
import { isObject, type JsonObject } from '../json/json-object.js';
import { optionalString } from './resolve.js';

const AUTH_TYPES: Readonly<Record<string, boolean>> = { awsSigv4: false, awsS3: true };

/**
 * Signing names and regions go into the credential scope of every signature (`…/<region>/<service>/aws4_request`):
 * spec text, so only what AWS names look like is kept (a `/` or a line break would forge the scope).
 */
function awsName(value: unknown): string | undefined {
  const text = optionalString(value);
  return text !== undefined && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(text) ? text : undefined;
}

/** The scheme as SigV4, or undefined when it carries no (known) `x-amazon-apigateway-authtype`. */
export function awsSigV4Scheme(document: JsonObject, raw: JsonObject, base: { key: string; description: string | undefined; pointer: string }): AwsSigV4Scheme | undefined {
  const authType = raw['x-amazon-apigateway-authtype'];
  if (typeof authType !== 'string' || !Object.hasOwn(AUTH_TYPES, authType)) return undefined;
  const info = isObject(document.info) ? document.info : {};
  const signingName = awsName(info['x-aws-signingName']) ?? awsName(info['x-serviceName']);
  return { ...base, kind: 'awsSigV4', s3: AUTH_TYPES[authType]!, signingName, region: awsName(regionVariable(document)) };
}

/**
 * The `region` variable default of the first server, the client's default base URL. Only that one:
 * a global service lists its region-less endpoint first (signed for us-east-1) and regional
 * partitions (`cn-north-1`) after it.
 */
function regionVariable(document: JsonObject): string | undefined {
  const first: unknown = Array.isArray(document.servers) ? document.servers[0] : undefined;
  const variables = isObject(first) && isObject(first.variables) ? first.variables : {};
  const region = variables.region;
  return isObject(region) && typeof region.default === 'string' && region.default !== '' ? region.default : undefined;
}
