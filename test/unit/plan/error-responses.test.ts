import { describe, expect, it } from 'vitest';
import type { OperationModel, ResponseModel, TypeNode } from '../../../src/model/index.js';
import { coveredStatuses, ERROR_STATUSES, errorBranches } from '../../../src/plan/error-responses.js';

const ref = (name: string): TypeNode => ({ kind: 'ref', name }) as unknown as TypeNode;
const json = (name: string): ResponseModel['contents'] => [{ mediaType: 'application/json', encoding: 'json', type: ref(name) }] as unknown as ResponseModel['contents'];
const op = (...responses: ResponseModel[]): OperationModel => ({ responses }) as unknown as OperationModel;
const unknownType: TypeNode = { kind: 'primitive', name: 'unknown' };
const fourXX = ERROR_STATUSES.filter((s) => s >= 400 && s < 500);

describe('errorBranches', () => {
  it.each([
    ['no error responses: every status, body unknown', op({ status: '200', contents: json('Pet') }), [{ statuses: undefined, body: unknownType }]],
    [
      'a 404 and default: 404 alone, then the rest typed by default',
      op({ status: '200', contents: [] }, { status: '404', contents: json('NotFound') }, { status: 'default', contents: json('Problem') }),
      [{ statuses: [404], body: ref('NotFound') }, { statuses: undefined, body: ref('Problem') }],
    ],
    [
      '4XX minus the explicit 404; a bodiless 503',
      op({ status: '4XX', contents: json('Client') }, { status: '404', contents: json('NotFound') }, { status: '503', contents: [] }),
      [
        { statuses: [404], body: ref('NotFound') },
        { statuses: [503], body: undefined },
        { statuses: fourXX.filter((s) => s !== 404), body: ref('Client') },
        { statuses: undefined, body: unknownType },
      ],
    ],
    ['2XX and 1xx-ish codes are not errors', op({ status: '2XX', contents: [] }, { status: '101', contents: [] }), [{ statuses: undefined, body: unknownType }]],
  ])('%s', (_label, operation, want) => {
    expect(errorBranches(operation)).toEqual(want);
  });

  it('every registered status is covered when 3XX, 4XX and 5XX are declared: no remainder branch', () => {
    const branches = errorBranches(op({ status: '3XX', contents: [] }, { status: '4XX', contents: [] }, { status: '5XX', contents: [] }));
    expect(branches.every((b) => b.statuses !== undefined)).toBe(true);
    expect(coveredStatuses(branches)).toEqual([...ERROR_STATUSES]);
  });
});
