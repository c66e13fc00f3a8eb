/** plan/result-type.ts: what a method resolves to, and when the runtime is told how to read it, per media type. */
import { describe, expect, it } from 'vitest';
import type { BodyEncoding, OperationModel, TypeNode } from '../../../src/model/index.js';
import { successReading, successResult } from '../../../src/plan/result-type.js';

const STRING: TypeNode = { kind: 'primitive', name: 'string' };
const PET: TypeNode = { kind: 'ref', target: 'Pet' };
const media = (mediaType: string, encoding: BodyEncoding, type: TypeNode = STRING) => ({ mediaType, encoding, type });
const op = (...responses: Array<[string, ReturnType<typeof media>[]]>): OperationModel => ({
  method: 'get', path: '/x', tags: [], parameters: [], security: [], pointer: '#/paths/~1x/get',
  responses: responses.map(([status, contents]) => ({ status, contents })),
});
const prim = (name: 'Blob' | 'ByteStream' | 'string' | 'undefined'): TypeNode => ({ kind: 'primitive', name });

describe('successResult and successReading', () => {
  it.each([
    ['JSON stays the schema type, read by Content-Type', { given: op(['200', [media('application/json', 'json', PET)]]), want: [PET, undefined] }],
    ['text/event-stream: the byte stream, whatever the schema says', { given: op(['200', [media('text/event-stream', 'text', PET)]]), want: [prim('ByteStream'), 'stream'] }],
    ['text/event-stream with parameters', { given: op(['200', [media('Text/Event-Stream; charset=utf-8', 'text')]]), want: [prim('ByteStream'), 'stream'] }],
    ['application/octet-stream: a Blob', { given: op(['200', [media('application/octet-stream', 'binary')]]), want: [prim('Blob'), 'blob'] }],
    ['image/png with a plain string schema: still a Blob', { given: op(['200', [media('image/png', 'binary', STRING)]]), want: [prim('Blob'), 'blob'] }],
    ['application/pdf and application/zip', { given: op(['200', [media('application/pdf', 'binary')]], ['206', [media('application/zip', 'binary')]]), want: [prim('Blob'), 'blob'] }],
    ['a format: binary schema under any media type', { given: op(['200', [media('text/plain', 'text', prim('Blob'))]]), want: [prim('Blob'), 'blob'] }],
    ['text/plain: a string, whatever object the schema describes', { given: op(['200', [media('text/plain', 'text', PET)]]), want: [STRING, undefined] }],
    ['text keeps a string enum', { given: op(['200', [media('text/plain', 'text', { kind: 'union', members: [{ kind: 'literal', value: 'a' }, { kind: 'literal', value: 'b' }] })]]), want: [{ kind: 'union', members: [{ kind: 'literal', value: 'a' }, { kind: 'literal', value: 'b' }] }, undefined] }],
    ['JSON preferred over a binary alternative', { given: op(['200', [media('image/png', 'binary'), media('application/json', 'json', PET)]]), want: [PET, undefined] }],
    ['mixed kinds: a union, read by Content-Type', { given: op(['200', [media('application/json', 'json', PET)]], ['206', [media('image/png', 'binary')]]), want: [{ kind: 'union', members: [PET, prim('Blob')] }, undefined] }],
    ['a bodiless 2xx beside a binary one: Blob | undefined, still read as a Blob when there is a body', { given: op(['200', [media('image/png', 'binary')]], ['204', []]), want: [{ kind: 'union', members: [prim('Blob'), prim('undefined')] }, 'blob'] }],
  ])('%s', (_, { given, want }) => expect([successResult(given), successReading(given)]).toEqual(want));
});
