import { describe, expect, it } from 'vitest';
import type { ApiModel, OperationModel } from '../../../src/model/index.js';
import { planArgsTypeNames } from '../../../src/plan/args-type-names.js';
import { plan } from '../../../src/plan/index.js';

const withArgs = (methodName: string) => ({ methodName, args: [{}] });
const noArgs = (methodName: string) => ({ methodName, args: [] });

describe('planArgsTypeNames', () => {
  it.each([
    ['method name in PascalCase, then Args', [withArgs('reposGet'), withArgs('listPets')], [], ['ReposGetArgs', 'ListPetsArgs']],
    ['none for an operation without arguments', [noArgs('metaRoot'), withArgs('getPet')], [], [undefined, 'GetPetArgs']],
    ['a schema or export of that name keeps it; the argument type takes a suffix', [withArgs('reposGet'), withArgs('getPet')], ['ReposGetArgs', 'ReposGetArgs2', 'GetPetArgs'], ['ReposGetArgs3', 'GetPetArgs2']],
    ['the globals types.ts refers to stay free', [withArgs('record'), withArgs('blob')], [], ['RecordArgs', 'BlobArgs']],
    ['keyword, digit-first and suffixed method names', [withArgs('delete'), withArgs('_123go'), withArgs('constructor2'), withArgs('getPet2')], [], ['DeleteArgs', '_123goArgs', 'Constructor2Args', 'GetPet2Args']],
    ['two methods that differ only where PascalCase drops characters', [withArgs('getPet'), withArgs('get_pet')], [], ['GetPetArgs', 'GetPetArgs2']],
  ])('%s', (_, operations, taken, want) => {
    expect(planArgsTypeNames(operations, taken)).toEqual(want);
  });
});

function op(partial: Partial<OperationModel>): OperationModel {
  return { method: 'get', path: '/', tags: [], parameters: [], responses: [], security: [], pointer: '#', ...partial };
}

describe('argument types in plan()', () => {
  const string = { kind: 'primitive', name: 'string' } as const;
  const param = { name: 'id', in: 'path', required: true, type: string, style: 'simple', explode: false } as const;
  const model: ApiModel = {
    sourceVersion: '3.0',
    specVersion: '3.0.3',
    title: 'Pets',
    version: '1',
    servers: [],
    securitySchemes: [],
    // schemas named like an operation's argument type, and like its functions
    types: [{ key: 'GetPetArgs', type: string, pointer: '#' }, { key: 'getPetArgs2', type: string, pointer: '#' }],
    operations: [op({ operationId: 'getPet', parameters: [param] }), op({ operationId: 'getPetArgs', parameters: [param] }), op({ operationId: 'ping' })],
  };
  const planned = plan(model);

  it('step aside for schema types, and the functions step aside for them', () => {
    expect([...planned.typeNames.values()]).toEqual(['GetPetArgs', 'GetPetArgs2']);
    expect(planned.operations.map((o) => [o.methodName, o.functionName, o.argsType])).toEqual([
      ['getPet', 'getPet', 'GetPetArgs3'],
      ['getPetArgs', 'getPetArgs', 'GetPetArgsArgs'],
      ['ping', 'ping', undefined],
    ]);
  });

  it('are declared by types.ts and exported by index.ts', () => {
    expect(planned.modules['types.ts'].declares).toEqual(['GetPetArgs', 'GetPetArgs2', 'GetPetArgs3', 'GetPetArgsArgs']);
    expect(planned.modules['index.ts'].siblingExports).toEqual(expect.arrayContaining(['GetPetArgs3', 'GetPetArgsArgs']));
  });
});
