import type { OperationModel, ResponseModel, TypeNode } from '../model/index.js';
import { isSuccessStatus, preferredMedia } from './result-type.js';

/**
 * The IANA-registered HTTP statuses an ApiError can carry (3xx, 4xx, 5xx; 2xx resolve, 1xx never
 * reach the caller). A `default` response stands for these minus the ones the operation declares.
 */
export const ERROR_STATUSES: readonly number[] = [
  300, 301, 302, 303, 304, 305, 307, 308,
  400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451,
  500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
];

/** One branch of an operation's error union: exact statuses, or every registered status not declared otherwise. */
export interface ErrorBranch {
  /** Exact codes; undefined for the remainder (`default`, or what nothing declares). */
  statuses: number[] | undefined;
  /** The parsed body's type; undefined for a response without content; unknown when nothing is declared. */
  body: TypeNode | undefined;
}

const RANGE = /^([345])XX$/i;

/**
 * The error responses an operation declares, as branches whose statuses never overlap: explicit
 * codes first, then each `4XX`-style range minus those codes, then the remainder (typed by
 * `default`, else unknown). So checking a declared status narrows to that status's body alone.
 */
export function errorBranches(op: OperationModel): ErrorBranch[] {
  const errors = op.responses.filter((r) => !isSuccessStatus(r.status));
  const branches: ErrorBranch[] = [];
  const covered = new Set<number>();
  for (const response of errors) {
    if (!/^\d{3}$/.test(response.status)) continue;
    const code = Number(response.status);
    if (code < 300 || covered.has(code)) continue;
    covered.add(code);
    branches.push({ statuses: [code], body: bodyOf(response) });
  }
  for (const response of errors) {
    const range = RANGE.exec(response.status);
    if (!range) continue;
    const statuses = ERROR_STATUSES.filter((s) => String(s)[0] === range[1] && !covered.has(s));
    statuses.forEach((s) => covered.add(s));
    if (statuses.length) branches.push({ statuses, body: bodyOf(response) });
  }
  const fallback = errors.find((r) => r.status.toLowerCase() === 'default');
  if (ERROR_STATUSES.some((s) => !covered.has(s))) {
    branches.push({ statuses: undefined, body: fallback ? bodyOf(fallback) : { kind: 'primitive', name: 'unknown' } });
  }
  return branches;
}

/** Every code the explicit and range branches cover, for the remainder's `Exclude<…>`. */
export function coveredStatuses(branches: readonly ErrorBranch[]): number[] {
  // a loop: flatMap over each of GitHub's 1,223 operations cost more than the union text it serves
  const covered: number[] = [];
  for (const branch of branches) if (branch.statuses !== undefined) for (const status of branch.statuses) covered.push(status);
  return covered.sort((a, b) => a - b);
}

function bodyOf(response: ResponseModel): TypeNode | undefined {
  return preferredMedia(response.contents)?.type;
}
