import type { Lang } from '../../../common/errors.ts';

/** An error the API answered with (`{"error": {code, message, details}}`), or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type SessionProblem = 'signed-out' | 'password-change';

const state: {
  lang: Lang;
  csrfToken: string | null;
  onSessionProblem: ((problem: SessionProblem) => void) | null;
} = { lang: 'zh', csrfToken: null, onSessionProblem: null };

// Shown when the server could not be reached, so there is no server message to show.
const NETWORK_MESSAGE: Record<Lang, string> = {
  zh: '无法连接服务器，请检查网络后重试。',
  en: 'Cannot reach the server; check the network and try again.',
};

/** The language sent as Accept-Language, so that server messages match the UI. */
export function setApiLang(lang: Lang): void {
  state.lang = lang;
}

/** The CSRF token of the session (from /api/me or the login answer), sent on every write. */
export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

/** Called when a request finds the session gone (401) or a password change pending. */
export function setSessionProblemHandler(fn: ((problem: SessionProblem) => void) | null): void {
  state.onSessionProblem = fn;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  body?: unknown;
  query?: Query;
  /** Do not report a 401 as a lost session (the sign-in and "who am I" calls expect it). */
  expect401?: boolean;
}

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function errorFrom(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as {
      error?: { code?: string; message?: string; details?: unknown };
    };
    if (body.error?.code && body.error.message) {
      return new ApiError(res.status, body.error.code, body.error.message, body.error.details);
    }
  } catch {
    // not JSON (a proxy's error page): fall through to a generic message
  }
  return new ApiError(res.status, `HTTP_${res.status}`, `HTTP ${res.status} ${res.statusText}`);
}

/** Calls the API and returns the parsed JSON; throws ApiError on any failure. */
export async function api<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': state.lang === 'zh' ? 'zh-CN' : 'en',
  };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_MESSAGE[state.lang]);
  }
  if (!res.ok) {
    const err = await errorFrom(res);
    if (res.status === 401 && !opts.expect401) state.onSessionProblem?.('signed-out');
    if (err.code === 'PASSWORD_CHANGE_REQUIRED') state.onSessionProblem?.('password-change');
    throw err;
  }
  return (await res.json()) as T;
}

/** Someone else saved the record first; the form's copy is stale. */
export function isVersionConflict(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'VERSION_CONFLICT';
}
