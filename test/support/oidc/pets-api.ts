/**
 * The routes of the pets API described by fixtures/oauth/pets-oauth*.yaml: which scope each needs
 * and what it answers once the bearer token has been verified. Data is fixed and never changes, so
 * every test sees the same pets (POST answers with the pet it would have created).
 */
import type { JWTPayload } from 'jose';

export interface Reply {
  status: number;
  body?: unknown;
}

interface RouteInput {
  claims: JWTPayload;
  body: string;
  params: Record<string, string>;
}

interface RouteDefinition {
  method: string;
  /** Segments; `:name` captures one. */
  path: string;
  /** Scope the token must carry; undefined: any valid token. */
  scope: string | undefined;
  answer(input: RouteInput): Reply;
}

export interface MatchedRoute extends RouteDefinition {
  params: Record<string, string>;
}

export const PETS = [
  { id: 1, name: 'Rex', tag: 'dog' },
  { id: 2, name: 'Tom', tag: 'cat' },
] as const;

function parseNewPet(body: string): { name: string; tag?: string } | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { name, tag } = parsed as { name?: unknown; tag?: unknown };
    if (typeof name !== 'string') return undefined;
    return typeof tag === 'string' ? { name, tag } : { name };
  } catch {
    return undefined;
  }
}

const ROUTES: RouteDefinition[] = [
  { method: 'GET', path: '/pets', scope: 'pets:read', answer: () => ({ status: 200, body: PETS }) },
  {
    method: 'POST',
    path: '/pets',
    scope: 'pets:write',
    answer: ({ body }) => {
      const pet = parseNewPet(body);
      return pet === undefined
        ? { status: 400, body: { error: 'invalid_body', error_description: 'expected {"name": string, "tag"?: string}' } }
        : { status: 201, body: { id: PETS.length + 1, ...pet } };
    },
  },
  {
    method: 'GET',
    path: '/pets/:petId',
    scope: 'pets:read',
    answer: ({ params }) => {
      const pet = PETS.find((candidate) => String(candidate.id) === params['petId']);
      return pet === undefined ? { status: 404, body: { error: 'not_found' } } : { status: 200, body: pet };
    },
  },
  {
    method: 'GET',
    path: '/whoami',
    scope: undefined,
    answer: ({ claims }) => ({
      status: 200,
      body: { sub: claims.sub, client_id: claims['client_id'], scope: claims['scope'], aud: claims.aud, iss: claims.iss },
    }),
  },
];

export function findRoute(method: string, pathname: string): MatchedRoute | undefined {
  const segments = pathname.split('/');
  for (const route of ROUTES) {
    const pattern = route.path.split('/');
    if (route.method !== method || pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, index) => {
      const actual = segments[index] ?? '';
      if (part.startsWith(':')) {
        params[part.slice(1)] = decodeURIComponent(actual);
        return actual !== '';
      }
      return part === actual;
    });
    if (matches) return { ...route, params };
  }
  return undefined;
}
