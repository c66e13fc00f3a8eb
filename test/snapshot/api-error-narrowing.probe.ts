/**
 * Compile-time probe of the committed example SDK's error and promise types (issue 13), checked by
 * `npm run typecheck` (tsconfig.test.json includes it; vitest does not run it). Each
 * `@ts-expect-error` marks a wrong use that must NOT compile: if the types ever let it through, the
 * directive is unused and the type-check fails.
 */
import { ApiError, isApiError, PetstoreAuthClient, type ApiPromise, type OperationErrors } from '../../examples/petstore-auth/index.js';
import type * as T from '../../examples/petstore-auth/types.js';

declare const client: PetstoreAuthClient;
declare const error: unknown;

export function narrowsByOperationAndStatus(): T.Error | undefined {
  if (isApiError(error, 'getPet')) {
    const op: 'getPet' = error.operation;
    void op;
    if (error.status === 404) {
      // The declared 404 narrows the body to its schema alone…
      const body: T.Error = error.body;
      return body;
    }
    // …and what is left is the other registered statuses, whose body is unknown.
    // @ts-expect-error 404 is no longer possible here
    const still404: 404 = error.status;
    void still404;
    // @ts-expect-error the body of an undeclared status is unknown, not T.Error
    const notError: T.Error = error.body;
    void notError;
    // @ts-expect-error 200 is a success, never an ApiError status
    if (error.status === 200) return undefined;
  }
  if (isApiError(error, 'listPets')) {
    // listPets declares only `default` (T.Error): every error status carries it.
    const body: T.Error = error.body;
    return body;
  }
  // @ts-expect-error no operation is called getPets
  isApiError(error, 'getPets');
  // (`instanceof ApiError` alone types the body `any`, as TypeScript does for generic classes: use isApiError.)
  void ApiError;
  return undefined;
}

export async function promiseSurface(): Promise<void> {
  const call: ApiPromise<T.Pet> = client.getPet({ petId: 1 });
  const pet: T.Pet = await call;
  const { data, response } = await client.getPet({ petId: 1 }).withResponse();
  const same: T.Pet = data;
  const status: number = response.status;
  void [pet, same, status];
  // @ts-expect-error the body of getPet is a Pet, not a string
  const wrong: string = await client.getPet({ petId: 1 });
  void wrong;
  // @ts-expect-error idempotencyKey is a string or boolean
  await client.createPet({ body: { name: 'Rex', kind: 'dog' } }, { idempotencyKey: 42 });
  // @ts-expect-error retry options are checked
  new PetstoreAuthClient({ retry: { maxRetries: 'two' } });
  // @ts-expect-error hooks are a fixed set
  new PetstoreAuthClient({ hooks: { beforeSend: () => {} } });
}

export type GetPetErrors = OperationErrors['getPet'];
