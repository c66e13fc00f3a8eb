import { describe, expect, it } from 'vitest';
import { isApiGatewayHost, regionFromHost, signingRegion, signingService } from '../../../../src/runtime/aws/signing-scope.js';

describe('signing region', () => {
  it.each([
    ['dynamodb.us-west-2.amazonaws.com', 'us-west-2'],
    ['abc123.execute-api.eu-west-1.amazonaws.com', 'eu-west-1'],
    ['bucket.s3.us-gov-west-1.amazonaws.com', 'us-gov-west-1'],
    ['ec2.cn-north-1.amazonaws.com.cn', 'cn-north-1'],
    ['s3.amazonaws.com', undefined],
    ['example.com', undefined],
    ['us-west-2.amazonaws.com.evil.example', undefined],
  ])('%s → %s', (host, want) => {
    expect(regionFromHost(host)).toBe(want);
  });

  it('prefers the credential, then the host, then the document, then us-east-1', () => {
    const host = 'sqs.ap-south-1.amazonaws.com';
    expect(signingRegion({ region: 'eu-north-1' }, host, { region: 'sa-east-1' })).toBe('eu-north-1');
    expect(signingRegion({}, host, { region: 'sa-east-1' })).toBe('ap-south-1');
    expect(signingRegion({}, '127.0.0.1', { region: 'sa-east-1' })).toBe('sa-east-1');
    expect(signingRegion({}, '127.0.0.1', {})).toBe('us-east-1');
  });
});

describe('signing name', () => {
  it('prefers the credential, then the document, then execute-api for API Gateway hosts', () => {
    const gateway = 'abc.execute-api.us-east-1.amazonaws.com';
    expect(isApiGatewayHost(gateway)).toBe(true);
    expect(signingService({ service: 'lambda' }, gateway, { service: 'monitoring' }, 's')).toBe('lambda');
    expect(signingService({}, gateway, { service: 'monitoring' }, 's')).toBe('monitoring');
    expect(signingService({}, gateway, {}, 's')).toBe('execute-api');
  });

  it('asks for a service when nothing names one', () => {
    expect(() => signingService({}, '127.0.0.1', {}, 'aws')).toThrow('security scheme "aws": the AWS signing name is unknown');
  });
});
