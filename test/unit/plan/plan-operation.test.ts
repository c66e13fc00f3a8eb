import { describe, expect, it } from 'vitest';
import type { OperationModel, ParameterModel } from '../../../src/model/index.js';
import { planOperation } from '../../../src/plan/plan-operation.js';

const str = { kind: 'primitive', name: 'string' } as const;
const param = (name: string, where: ParameterModel['in']): ParameterModel => ({ name, in: where, required: false, type: str, style: 'form', explode: true });
const op = (parameters: ParameterModel[], body = false): OperationModel => ({
  method: 'post',
  path: '/x',
  tags: [],
  parameters,
  requestBody: body ? { required: true, contents: [{ mediaType: 'application/json', encoding: 'json', type: str }] } : undefined,
  responses: [],
  security: [],
  pointer: '#',
});

describe('planOperation: argument keys', () => {
  const cases: Array<[string, { given: OperationModel; want: string[] }]> = [
    ['spec names kept', { given: op([param('id', 'path'), param('q', 'query')]), want: ['id', 'q'] }],
    ['a name in two locations: the later one gets its location', { given: op([param('id', 'path'), param('id', 'header')]), want: ['id', 'id_header'] }],
    ['the body is `body`', { given: op([param('q', 'query')], true), want: ['q', 'body'] }],
    ['unless a parameter took it', { given: op([param('body', 'query')], true), want: ['body', 'requestBody'] }],
  ];
  it.each(cases)('%s', (_, { given, want }) => {
    expect(planOperation(given, 'm').args.map((a) => a.key)).toEqual(want);
  });

  it('a parameter a security scheme fills itself is no argument', () => {
    const planned = planOperation(op([param('X-Amz-Date', 'header'), param('q', 'query')]), 'm', (p) => p.in === 'header' && p.name === 'X-Amz-Date');
    expect(planned.args.map((a) => a.key)).toEqual(['q']);
  });
});
