import type { ApiRoutes } from '../../../shared/api.js';
import type { ErrorBody } from '../../../shared/errors/codes.js';
import { type AnswerOf, type CallInput, fillPath, splitKey } from '../../../shared/http/route.js';

/**
 * The one way the web app talks to the server: JSON over fetch with the session cookie.
 * State-changing requests echo the session's CSRF token; the user's language goes in
 * Accept-Language so errors before sign-in come back in the language on screen.
 */

export type Issue = { path: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The server's error code, or NETWORK when no answer arrived. */
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let locale = 'vi';
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLocale(next: string): void {
  locale = next;
}

/** Called when a request finds the session gone (expired, or signed out elsewhere). Returns an unsubscribe. */
export function onUnauthorized(handler: () => void): () => void {
  unauthorizedHandler = handler;
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = null;
  };
}

type Query = Record<string, unknown>;
type Options = {
  query?: Query;
  body?: unknown;
  /** Multipart body (file uploads): the browser sets the content type with its boundary. */
  form?: FormData;
  signal?: AbortSignal;
  /** For the "am I signed in?" probe: a 401 there is an answer, not an expired session. */
  anonymousOk?: boolean;
};

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    for (const one of Array.isArray(v) ? v : [v]) {
      if (one !== undefined && one !== null && one !== '') params.append(k, String(one));
    }
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

function isErrorBody(data: unknown): data is ErrorBody {
  return typeof data === 'object' && data !== null && 'error' in data && typeof data.error === 'object';
}

async function request<T>(method: string, path: string, opts: Options = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
  if (opts.body !== undefined && !opts.form) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      body: opts.form ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', '');
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = isErrorBody(data) ? data.error : null;
    const apiError = new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? '', err?.issues ?? []);
    if (apiError.code === 'UNAUTHENTICATED' && !opts.anonymousOk) unauthorizedHandler?.();
    throw apiError;
  }
  return data as T;
}

/**
 * A file the server may refuse (a PDF needs LibreOffice on the server): fetched rather than linked, so a
 * refusal is an ApiError the screen can say in words instead of a tab of JSON.
 */
export async function fetchFile(url: string): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { 'Accept-Language': locale }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '');
  }
  if (res.ok) return res.blob();
  let data: unknown = null;
  try {
    data = await res.json();
  } catch {
    data = null;
  }
  const err = isErrorBody(data) ? data.error : null;
  throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? '', err?.issues ?? []);
}

// ---- typed from the route tables (src/shared/<feature>/contract.ts) ----

type Routes = ApiRoutes;
type Keys<F> = { [K in keyof Routes]: Routes[K] extends F ? K : never }[keyof Routes];
/** Routes that answer JSON to a JSON (or empty) body. */
export type JsonRouteKey = Exclude<keyof Routes, Keys<{ file: true }> | Keys<{ upload: true }>>;
export type FileRouteKey = Keys<{ file: true }>;
export type UploadRouteKey = Keys<{ upload: true }>;

type CallOptions = { signal?: AbortSignal; anonymousOk?: boolean };
type Args<K extends keyof Routes> =
  object extends CallInput<Routes[K]>
    ? [input?: CallInput<Routes[K]> & CallOptions]
    : [input: CallInput<Routes[K]> & CallOptions];

/**
 * Calls one route of the API by its key ("GET /api/users/:id"): the path parameters, query and body
 * are typed from the route table, and so is the answer.
 */
export function call<K extends JsonRouteKey>(key: K, ...[input]: Args<K>): Promise<AnswerOf<Routes[K]>> {
  const { method, path } = splitKey(key);
  const i = ((input as unknown) ?? {}) as {
    params?: Record<string, unknown>;
    query?: Query;
    body?: unknown;
  } & CallOptions;
  const body = i.body ?? (method === 'GET' || method === 'DELETE' ? undefined : {});
  return request(method, fillPath(path, i.params), {
    query: i.query,
    body,
    signal: i.signal,
    anonymousOk: i.anonymousOk,
  });
}

/** The address of a file route (export, template, attachment) for a link the browser follows itself. */
export function fileUrl<K extends FileRouteKey>(key: K, ...[input]: Args<K>): string {
  const i = ((input as unknown) ?? {}) as { params?: Record<string, unknown>; query?: Query };
  return withQuery(fillPath(splitKey(key).path, i.params), i.query);
}

/** POSTs a multipart form (a file and its fields) to an upload route, with the CSRF header like any other change. */
export function uploadTo<K extends UploadRouteKey>(
  key: K,
  form: FormData,
  ...[input]: Args<K>
): Promise<AnswerOf<Routes[K]>> {
  const i = ((input as unknown) ?? {}) as { params?: Record<string, unknown> };
  return request(splitKey(key).method, fillPath(splitKey(key).path, i.params), { form });
}
