import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze/index.js';
import { plan } from '../../../src/plan/index.js';

function awsDocument(overrides: { info?: object; schemes?: object; security?: object[] } = {}) {
  const signingHeader = (name: string) => ({ name, in: 'header', required: false, schema: { type: 'string' } });
  return {
    source: 'aws.json',
    specVersion: '3.0.0',
    version: '3.0' as const,
    files: ['aws.json'],
    locate: () => undefined,
    document: {
      openapi: '3.0.0',
      info: { title: 'Amazon DynamoDB', version: '2012-08-10', 'x-serviceName': 'dynamodb', ...overrides.info },
      servers: [{ url: 'http://dynamodb.{region}.amazonaws.com', variables: { region: { default: 'eu-west-3', enum: ['us-east-1', 'eu-west-3'] } } }],
      components: {
        securitySchemes: overrides.schemes ?? {
          hmac: { type: 'apiKey', name: 'Authorization', in: 'header', description: 'Amazon Signature authorization v4', 'x-amazon-apigateway-authtype': 'awsSigv4' },
        },
      },
      security: overrides.security ?? [{ hmac: [] }],
      paths: {
        '/': {
          parameters: ['X-Amz-Content-Sha256', 'X-Amz-Date', 'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Security-Token', 'X-Amz-Signature', 'X-Amz-SignedHeaders'].map(signingHeader),
          post: {
            operationId: 'GetItem',
            parameters: [signingHeader('X-Amz-Target'), { name: 'Version', in: 'query', schema: { type: 'string' } }],
            responses: { '200': { description: 'ok' } },
          },
          get: { operationId: 'Public', security: [], responses: { '200': { description: 'ok' } } },
        },
      },
    },
  };
}

describe('AWS Signature V4 schemes', () => {
  it('turns an apiKey marked awsSigv4 into a SigV4 scheme with the signing hints', () => {
    const model = analyze(awsDocument());
    expect(model.securitySchemes).toEqual([
      { kind: 'awsSigV4', key: 'hmac', s3: false, signingName: 'dynamodb', region: 'eu-west-3', description: 'Amazon Signature authorization v4', pointer: '#/components/securitySchemes/hmac' },
    ]);
  });

  it('prefers x-aws-signingName to x-serviceName, and marks awsS3 with S3 rules whatever the type', () => {
    const model = analyze(
      awsDocument({
        info: { 'x-serviceName': 'cloudwatch', 'x-aws-signingName': 'monitoring' },
        schemes: { s3: { type: 'http', scheme: 'custom', 'x-amazon-apigateway-authtype': 'awsS3' } },
        security: [{ s3: [] }],
      }),
    );
    expect(model.securitySchemes[0]).toMatchObject({ kind: 'awsSigV4', key: 's3', s3: true, signingName: 'monitoring' });
  });

  it('leaves other authtypes to their declared type', () => {
    const model = analyze(awsDocument({ schemes: { hmac: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'cognito_user_pools' } } }));
    expect(model.securitySchemes[0]).toMatchObject({ kind: 'apiKey', paramName: 'Authorization' });
  });

  it('keeps the signing headers in the model: the plan leaves them out of signed operations', () => {
    const model = analyze(awsDocument());
    const signed = plan(model).operations.find((op) => op.model.operationId === 'GetItem')!;
    expect(signed.model.parameters.map((p) => p.name)).toContain('X-Amz-Date');
    expect(signed.args.map((arg) => arg.key)).toEqual(['X-Amz-Target', 'Version']);
    const unsigned = plan(model).operations.find((op) => op.model.operationId === 'Public')!;
    expect(unsigned.args.map((arg) => arg.key)).toContain('X-Amz-Date');
  });
});

describe('the region hint', () => {
  it('comes from the first server only: a global endpoint listed first is signed for us-east-1', () => {
    const loaded = awsDocument();
    loaded.document.servers = [
      { url: 'https://budgets.amazonaws.com' },
      { url: 'https://budgets.{region}.amazonaws.com.cn', variables: { region: { default: 'cn-north-1', enum: ['cn-north-1'] } } },
    ] as typeof loaded.document.servers;
    expect(analyze(loaded).securitySchemes[0]).not.toHaveProperty('region', 'cn-north-1');
    expect((analyze(loaded).securitySchemes[0] as { region?: string }).region).toBeUndefined();
  });
});

describe('hostile signing hints', () => {
  it('drops a signing name or region that could forge the credential scope', () => {
    const loaded = awsDocument({ info: { 'x-aws-signingName': 'evil/us-east-1/s3\nX-Injected: 1', 'x-serviceName': 'dynamodb' } });
    (loaded.document.servers[0]!.variables.region as { default: string }).default = 'us-east-1/aws4_request';
    expect(analyze(loaded).securitySchemes[0]).toMatchObject({ kind: 'awsSigV4', signingName: 'dynamodb' });
    expect((analyze(loaded).securitySchemes[0] as { region?: string }).region).toBeUndefined();
  });
});
