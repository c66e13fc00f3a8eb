import { describe, expect, it } from 'vitest';
import { planFunctionNames } from '../../../src/plan/function-names.js';

describe('planFunctionNames', () => {
  it.each([
    ['method names stay', ['listPets', 'getPet'], [], ['listPets', 'getPet']],
    ['a keyword or global takes `_`', ['delete', 'fetch', 'constructor'], [], ['delete_', 'fetch_', 'constructor_']],
    ["another export's name takes a suffix", ['isApiError', 'operations', 'pet'], ['isApiError', 'operations', 'Pet'], ['isApiError2', 'operations2', 'pet']],
    ['a suffixed name does not take a later method name', ['delete', 'delete_'], [], ['delete_', 'delete_2']],
  ])('%s', (_, methods, others, want) => {
    expect(planFunctionNames(methods, others)).toEqual(want);
  });
});
