/**
 * Which region and signing name a request is signed for, in the order the AWS SDKs settle it: what
 * the application says, then what the endpoint's host says, then what the document says.
 */
import { quoteScheme } from '../credential-checks.js';
import type { AwsSigningOverrides } from './aws-credentials.js';

/** What the document says (see the generated client's scheme spec). */
export interface AwsDocumentHints {
  /** `info.x-aws-signingName`, else `info.x-serviceName`. */
  service?: string | undefined;
  /** The value of the servers' `region` variable. */
  region?: string | undefined;
}

const DEFAULT_REGION = 'us-east-1';
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
// `<svc>.<region>.amazonaws.com`, `<id>.execute-api.<region>.amazonaws.com`, `.amazonaws.com.cn`.
const AWS_HOST = /\.amazonaws\.com(\.cn)?$/;

function hostLabels(host: string): string[] | undefined {
  const lower = host.toLowerCase();
  if (!AWS_HOST.test(lower)) return undefined;
  return lower.replace(AWS_HOST, '').split('.');
}

/** The region a `*.amazonaws.com` host names (the label before the domain), if any. */
export function regionFromHost(host: string): string | undefined {
  const labels = hostLabels(host);
  const last = labels?.[labels.length - 1];
  return last !== undefined && REGION.test(last) ? last : undefined;
}

export function isApiGatewayHost(host: string): boolean {
  const labels = hostLabels(host);
  return labels !== undefined && labels.length >= 3 && labels[labels.length - 2] === 'execute-api';
}

export function signingRegion(overrides: AwsSigningOverrides, host: string, hints: AwsDocumentHints): string {
  return overrides.region ?? regionFromHost(host) ?? nonEmpty(hints.region) ?? DEFAULT_REGION;
}

export function signingService(overrides: AwsSigningOverrides, host: string, hints: AwsDocumentHints, scheme: string): string {
  const service = overrides.service ?? nonEmpty(hints.service) ?? (isApiGatewayHost(host) ? 'execute-api' : undefined);
  if (service === undefined) {
    throw new TypeError(`security scheme ${quoteScheme(scheme)}: the AWS signing name is unknown (the document names none and the host is not API Gateway's); pass service in the credential`);
  }
  return service;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
