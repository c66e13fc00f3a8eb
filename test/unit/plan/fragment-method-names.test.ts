/** Operations without operationId on paths that differ only by their `#fragment` still get distinct, stable method names. */
import { describe, expect, it } from 'vitest';
import { analyzeOperations } from '../../../src/analyze/operations.js';
import { planMethodNames } from '../../../src/plan/operation-names.js';

const ok = { responses: { '200': { description: 'ok' } } };
const bucket = { name: 'Bucket', in: 'path', required: true, schema: { type: 'string' } };

function namesOf(paths: Record<string, unknown>): string[] {
  const document = { openapi: '3.0.0', info: { title: 't', version: '1' }, paths };
  return planMethodNames(analyzeOperations({ schema: { document, dialect: '3.0' }, declaredSchemes: new Set(), globalSecurity: [] }));
}

describe('method names of fragment paths', () => {
  it('take the fragment into the name', () => {
    const paths = {
      '/{Bucket}': { get: { ...ok, parameters: [bucket] } },
      '/{Bucket}#acl': { get: { ...ok, parameters: [bucket] }, put: { ...ok, parameters: [bucket] } },
      '/{Bucket}#list-type=2': { get: { ...ok, parameters: [bucket] } },
      '/#Action=AssumeRole': { get: ok, post: ok },
      '/#X-Amz-Target=DynamoDB_20120810.GetItem': { post: ok },
    };
    expect(namesOf(paths)).toEqual(['getByBucket', 'getByBucketAcl', 'putByBucketAcl', 'getByBucketListType2', 'getActionAssumeRole', 'postActionAssumeRole', 'postXAmzTargetDynamoDB20120810GetItem']);
  });

  it('are the same on every run and do not depend on other paths', () => {
    const one = namesOf({ '/{Bucket}#acl': { get: { ...ok, parameters: [bucket] } } });
    const both = namesOf({ '/{Bucket}#cors': { get: { ...ok, parameters: [bucket] } }, '/{Bucket}#acl': { get: { ...ok, parameters: [bucket] } } });
    expect(one).toEqual(['getByBucketAcl']);
    expect(both).toEqual(['getByBucketCors', 'getByBucketAcl']);
  });
});
