import type { z } from 'zod';

/**
 * One route table per feature (`src/shared/<feature>/contract.ts`): each entry is keyed by
 * "METHOD /path" and names its params, query, body and answer schemas. The server registers its
 * Fastify routes from the table (`platform/routes.ts`); the web client and the test client are typed
 * from the same table, so a changed shape fails the typecheck on every side. The web imports the
 * tables as types only: the key itself carries the method and path at run time, and zod stays out
 * of the bundle.
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type RouteKey = `${Method} /api/${string}`;

export type RouteDef = {
  /** Shown in the OpenAPI document (Vietnamese first). */
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The JSON answer. Absent when the route answers a file (`file: true`). */
  response?: z.ZodType;
  /** Success status when it is not 200. */
  status?: 201;
  /** Other statuses the route may answer with the same body (e.g. 200 when a link already existed). */
  alsoStatus?: 200 | 201;
  /** The answer is a file (xlsx, image, pdf) sent with a Content-Disposition, not JSON. */
  file?: true;
  /** The body is multipart/form-data (a file and its fields), read by the handler itself. */
  upload?: true;
  /** Works without a session (the login, health and the public application form). */
  public?: true;
};

export type RouteTable = { readonly [K in RouteKey]?: RouteDef };

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type In<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What a route answers, as the client receives it. */
export type AnswerOf<R> = R extends { response: infer S extends z.ZodType } ? z.output<S> : unknown;
/** What a handler returns for a JSON route (before the answer schema serialises it). */
export type ReplyOf<R> = R extends { response: infer S extends z.ZodType } ? z.input<S> : never;

export type ParamsOf<R> = R extends { params: infer S } ? Out<S> : undefined;
export type QueryOf<R> = R extends { query: infer S } ? Out<S> : undefined;
export type BodyOf<R> = R extends { body: infer S } ? Out<S> : undefined;

/** What a caller passes: path parameters, query and body as the schemas accept them. */
export type CallInput<R> = (R extends { params: infer S } ? { params: PathValues<In<S>> } : { params?: never }) &
  (R extends { query: infer S } ? { query?: In<S> } : { query?: never }) &
  (R extends { body: infer S } ? { body: In<S> } : { body?: never });

/** Path parameters go into the URL: a coerced id may be given as a number or a string. */
type PathValues<P> = { [K in keyof P]: string | number };

export type MethodOf<K> = K extends `${infer M extends Method} ${string}` ? M : never;
export type PathOf<K> = K extends `${Method} ${infer P}` ? P : never;

/** Splits a route key into its method and path template. */
export function splitKey(key: string): { method: Method; path: string } {
  const space = key.indexOf(' ');
  return { method: key.slice(0, space) as Method, path: key.slice(space + 1) };
}

/** Fills `:name` segments of a path template from params (URL-encoded). */
export function fillPath(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined || v === null) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(v));
  });
}

// ---- matching a concrete URL against the route keys (used to type the test client by URL) ----

type Split<S extends string> = S extends `${infer A}/${infer B}` ? [A, ...Split<B>] : [S];
type SegmentMatches<P extends string, U extends string> = P extends `:${string}`
  ? U extends ''
    ? false
    : true
  : U extends P
    ? true
    : false;
type SegmentsMatch<P extends string[], U extends string[]> = P extends [
  infer P0 extends string,
  ...infer PR extends string[],
]
  ? U extends [infer U0 extends string, ...infer UR extends string[]]
    ? SegmentMatches<P0, U0> extends true
      ? SegmentsMatch<PR, UR>
      : false
    : false
  : U extends []
    ? true
    : false;
type WithoutQuery<U extends string> = U extends `${infer P}?${string}` ? P : U;

/** Keys without path parameters whose path is the URL itself ("GET /api/members/counts"). */
type StaticKeysMatching<T, M extends Method, U extends string> = {
  [K in keyof T]: K extends `${string}:${string}` ? never : K extends `${M} ${WithoutQuery<U>}` ? K : never;
}[keyof T];

/**
 * The keys of table T whose method is M and whose path template matches the concrete URL U. A static
 * path wins over a parameter, as in the server's router: /api/members/counts is not /api/members/:id.
 */
export type KeysMatching<T, M extends Method, U extends string> = [StaticKeysMatching<T, M, U>] extends [never]
  ? ParamKeysMatching<T, M, U>
  : StaticKeysMatching<T, M, U>;

type ParamKeysMatching<T, M extends Method, U extends string> = {
  [K in keyof T]: K extends `${M} ${infer P extends string}`
    ? SegmentsMatch<Split<P>, Split<WithoutQuery<U>>> extends true
      ? K
      : never
    : never;
}[keyof T];
