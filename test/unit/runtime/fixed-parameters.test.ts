/** prepareRequest with parameters the client fills in: fixed values in every location, and bare query flags. */
import { describe, expect, it } from 'vitest';
import { prepareRequest } from '../../../src/runtime/build-request.js';
import type { OperationSpec, ParamSpec } from '../../../src/runtime/operation.js';
import { writeQueryParam } from '../../../src/runtime/serialize-query.js';
import { expandPath } from '../../../src/runtime/serialize-path.js';
import { writeHeaderParam } from '../../../src/runtime/serialize-header.js';

const op = (path: string, params: ParamSpec[]): OperationSpec => ({ id: 'op', method: 'GET', path, expand: expandPath, params, security: [] });

describe('prepareRequest: parameters the spec fixes', () => {
  it.each<[string, OperationSpec, Record<string, unknown> | undefined, string]>([
    [
      'STS: Action and Version sent in spec order, around the caller\'s',
      op('/', [
        { key: 'RoleArn', name: 'RoleArn', in: 'query', serialize: writeQueryParam, required: true },
        { key: 'Action', name: 'Action', in: 'query', serialize: writeQueryParam, required: true, value: 'AssumeRole' },
        { key: 'Version', name: 'Version', in: 'query', serialize: writeQueryParam, required: true, value: '2011-06-15' },
      ]),
      { RoleArn: 'arn:aws:iam::1:role/r' },
      'https://sts.example/?RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr&Action=AssumeRole&Version=2011-06-15',
    ],
    ['a bare flag: the key alone, no `=`', op('/{Bucket}', [{ key: 'Bucket', name: 'Bucket', in: 'path' }, { key: 'acl', name: 'acl', in: 'query', flag: true }]), { Bucket: 'b 1' }, 'https://sts.example/b%201?acl'],
    ['a flag after other query pairs', op('/{Bucket}', [{ key: 'Bucket', name: 'Bucket', in: 'path' }, { key: 'prefix', name: 'prefix', in: 'query', serialize: writeQueryParam }, { key: 'uploads', name: 'uploads', in: 'query', flag: true }]), { Bucket: 'b', prefix: 'a/b' }, 'https://sts.example/b?prefix=a%2Fb&uploads'],
    ['a flag name from the spec is percent-encoded like any key', op('/x', [{ key: 'k', name: 'a b&c=d"', in: 'query', flag: true }]), undefined, 'https://sts.example/x?a%20b%26c%3Dd%22'],
    ['a fixed path parameter', op('/{version}/items', [{ key: 'version', name: 'version', in: 'path', value: 'v2' }]), undefined, 'https://sts.example/v2/items'],
    ['a fixed value wins over an argument of the same key', op('/', [{ key: 'Action', name: 'Action', in: 'query', serialize: writeQueryParam, required: true, value: 'AssumeRole' }]), { Action: 'DeleteEverything' }, 'https://sts.example/?Action=AssumeRole'],
    ['numbers and booleans', op('/', [{ key: 'n', name: 'n', in: 'query', serialize: writeQueryParam, value: 50 }, { key: 'b', name: 'b', in: 'query', serialize: writeQueryParam, value: false }]), undefined, 'https://sts.example/?n=50&b=false'],
  ])('%s', (_name, spec, args, url) => {
    expect(prepareRequest('https://sts.example', undefined, spec, args, undefined).url.href).toBe(url);
  });

  it('a fixed header', () => {
    const spec = op('/', [{ key: 'X-Amz-Target', name: 'X-Amz-Target', in: 'header', serialize: writeHeaderParam, required: true, value: 'DynamoDB_20120810.GetItem' }]);
    expect(prepareRequest('https://dynamodb.example', undefined, spec, undefined, undefined).headers.get('x-amz-target')).toBe('DynamoDB_20120810.GetItem');
  });
});
