import { describe, expect, it } from 'vitest';
import { KeywayError } from '../../../src/errors.js';
import type { ApiModel } from '../../../src/model/index.js';
import { planClientName } from '../../../src/plan/client-name.js';

const model = (title: string): ApiModel => ({ sourceVersion: '3.0', specVersion: '3.0.3', title, version: '1', servers: [], operations: [], types: [], securitySchemes: [] });
const bound = new Map([
  ['staticStrategies', 'client.ts imports it from the runtime'],
  ['PetsClient', 'index.ts exports it'],
  ['ApiPetsClient', 'index.ts exports it'],
]);

describe('planClientName', () => {
  const cases: Array<[string, { given: { title: string; name?: string }; want: string | RegExp }]> = [
    ['the title in PascalCase + Client', { given: { title: 'pet store' }, want: 'PetStoreClient' }],
    ['an Api/Client suffix is not doubled', { given: { title: 'Zoo API' }, want: 'ZooClient' }],
    ['a derived name steps aside from a bound one, as often as needed', { given: { title: 'Pets' }, want: 'ApiApiPetsClient' }],
    ['a requested free name is kept', { given: { title: 'x', name: 'Pets' }, want: 'Pets' }],
    ['a requested bound name is refused naming the clash', { given: { title: 'x', name: 'staticStrategies' }, want: /--name "staticStrategies" is not a usable class name: the generated code already uses that name \(client\.ts imports it from the runtime\)/ }],
    ['a shared error union alias of client.ts is refused', { given: { title: 'x', name: 'Errors$1' }, want: /--name "Errors\$1" is not a usable class name: the generated code already uses that name \(client\.ts names a shared error union so\)/ }],
    ['a name merely like one is kept', { given: { title: 'x', name: 'Errors$' }, want: 'Errors$' }],
    ['a reserved word is refused', { given: { title: 'x', name: 'class' }, want: /reserved word/ }],
    ['a global the code uses is refused', { given: { title: 'x', name: 'Promise' }, want: /reserved word or a global/ }],
    ['a non-identifier is refused', { given: { title: 'x', name: 'my-client' }, want: /must be a JavaScript identifier/ }],
  ];
  it.each(cases)('%s', (_, { given, want }) => {
    const run = () => planClientName(model(given.title), given.name, bound);
    if (typeof want === 'string') return expect(run()).toBe(want);
    expect(run).toThrow(KeywayError);
    expect(run).toThrow(want);
  });
});
