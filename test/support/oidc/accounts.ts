/**
 * The test users. `alice` signs in through the password grant, the dev login page (any password is
 * accepted there: it is oidc-provider's development UI) and the device flow.
 */
import { timingSafeEqual } from 'node:crypto';

export interface TestUser {
  username: string;
  /** Contains space, `+`, `&`, `=`, `%` and non-ASCII, so only correct form-encoding (UTF-8, RFC 6749 App. B) gets through. */
  password: string;
  claims: { sub: string; name: string; email: string; email_verified: boolean };
}

export const USERS: Readonly<Record<'alice' | 'bob', TestUser>> = {
  alice: {
    username: 'alice',
    password: 'correct horse+battery&staple=%ü€',
    claims: { sub: 'alice', name: 'Alice Liddell', email: 'alice@keyway.test', email_verified: true },
  },
  bob: {
    username: 'bob',
    password: 'builder',
    claims: { sub: 'bob', name: 'Bob Builder', email: 'bob@keyway.test', email_verified: false },
  },
};

function findUser(username: string): TestUser | undefined {
  return Object.values(USERS).find((user) => user.username === username);
}

/** The user whose username and password both match, compared without leaking timing. */
export function checkPassword(username: string, password: string): TestUser | undefined {
  const user = findUser(username);
  if (user === undefined) return undefined;
  const given = Buffer.from(password, 'utf8');
  const expected = Buffer.from(user.password, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected) ? user : undefined;
}

interface ProviderAccount {
  accountId: string;
  claims(): Promise<Record<string, unknown>>;
}

/** oidc-provider's `findAccount`: unknown subjects fail the login/grant. */
export async function findAccount(_ctx: unknown, sub: string): Promise<ProviderAccount | undefined> {
  const user = findUser(sub);
  if (user === undefined) return undefined;
  return { accountId: user.claims.sub, claims: async () => ({ ...user.claims }) };
}
