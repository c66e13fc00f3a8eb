import type { AwsSigV4Scheme } from '../../model/index.js';
import { mdCode } from '../../readme/markdown.js';
import type { FilledParameter, SchemeFamily } from './scheme-family.js';

/**
 * The signing headers AWS-converted documents declare as operation parameters. The signer sets
 * them on every request it signs, so they are no method arguments.
 */
const SIGNING_HEADERS: readonly FilledParameter[] = [
  'X-Amz-Date',
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Security-Token',
  'X-Amz-Signature',
  'X-Amz-SignedHeaders',
  'X-Amz-Content-Sha256',
].map((name) => ({ in: 'header', name }));

/**
 * AWS Signature Version 4: `x-amazon-apigateway-authtype: awsSigv4` (or `awsS3`) on a scheme of any
 * type. Analysis turns such a scheme into the model's `awsSigV4` kind, with the document's signing
 * name and region hints; every request is signed with the credential's access key.
 */
export const awsSigV4: SchemeFamily<AwsSigV4Scheme> = {
  id: 'aws-sigv4',
  claims: (scheme): scheme is AwsSigV4Scheme => scheme.kind === 'awsSigV4',
  factory: 'sigv4Strategies',
  spec: (scheme) => ({ type: 'awsSigV4', s3: scheme.s3 || undefined, service: scheme.signingName, region: scheme.region }),
  credentials: () => [
    {
      type: 'AwsSigV4Credentials',
      sample: {
        title: 'AWS access key',
        value: "{ accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '', sessionToken: process.env.AWS_SESSION_TOKEN },",
        shape:
          '`{ accessKeyId, secretAccessKey, sessionToken?, region?, service? }`, or a function returning `{ accessKeyId, secretAccessKey, sessionToken?, expiration? }` (temporary credentials from STS, SSO or instance metadata): called when none are held or they expire within 5 minutes, once for all waiting requests. `{ credentials: thatFunction, region?, service? }` combines both.',
      },
    },
  ],
  managesTokens: () => false,
  signsIn: () => false,
  summary: (scheme) =>
    `AWS Signature Version 4${scheme.s3 ? ' (S3 rules)' : ''}: every request signed with an access key, or with temporary credentials from a provider function.`,
  kind: (scheme) => (scheme.s3 ? 'AWS Signature V4, S3' : 'AWS Signature V4'),
  about: (scheme) => {
    const name = scheme.signingName
      ? `signing name ${mdCode(scheme.signingName)} (unless the credential's \`service\` says otherwise)`
      : "the signing name from the credential's `service` (or `execute-api` for API Gateway hosts)";
    const rules = scheme.s3 ? ' S3 rules apply: the path is signed as sent and `x-amz-content-sha256` carries the payload hash.' : '';
    return `AWS Signature Version 4: every request is signed (HMAC-SHA256) with an AWS access key and sent with \`Authorization: AWS4-HMAC-SHA256 …\` and \`X-Amz-Date\`; ${name}; region from the credential, else the base URL's host, else ${scheme.region ? mdCode(scheme.region) : '`us-east-1`'}.${rules}`;
  },
  fills: () => SIGNING_HEADERS,
};
