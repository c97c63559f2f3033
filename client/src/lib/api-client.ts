import type { ApiErrorBody, LoginResponse } from '@contracts/auth';
import {
  getAccessToken,
  getSession,
  writeSession,
  type Session,
  type SessionEndReason,
} from './session';

/** A failed HTTP call: `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: NonNullable<ApiErrorBody['details']>;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details ?? [];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Send the bearer token and refresh it once on 401. Default: true. */
  auth?: boolean;
}

const REFRESH_PATH = '/api/auth/refresh';
const REFRESH_LOCK = 'vigie-auth-refresh';
/** Retry a failed background refresh after this delay while the session lasts. */
const REFRESH_RETRY_MS = 15_000;

let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshInFlight: Promise<Session | null> | null = null;

async function send(
  method: Method,
  path: string,
  body: unknown,
  options: RequestOptions,
  token: string | null,
): Promise<Response> {
  const headers = new Headers(options.headers);
  headers.set('Accept', 'application/json');
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  if (token) headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, { code: 'network_error', message: 'The server could not be reached.' });
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    typeof value.code === 'string' &&
    'message' in value &&
    typeof value.message === 'string'
  );
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  if (isErrorBody(body)) return new ApiError(response.status, body);
  return new ApiError(response.status, {
    code: `http_${response.status}`,
    message: response.statusText,
  });
}

async function parse<T>(response: Response): Promise<T> {
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

async function request<T>(
  method: Method,
  path: string,
  body: unknown,
  options: RequestOptions = {},
): Promise<T> {
  if (options.auth === false) return parse<T>(await send(method, path, body, options, null));

  const response = await send(method, path, body, options, getAccessToken());
  if (response.status !== 401) return parse<T>(response);

  const refreshed = await refreshSession(); // ends the session itself when the server refuses
  if (!refreshed) throw await toApiError(response);
  const retried = await send(method, path, body, options, refreshed.accessToken);
  if (retried.status === 401) endSession('expired');
  return parse<T>(retried);
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, body, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, body, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) =>
    request<T>('DELETE', path, undefined, options),
};

function scheduleRefresh(delayMs: number): void {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    refreshSession().catch(() => {
      // Server unreachable: keep the current token and try again; a 401 later ends the session.
      if (getSession()) scheduleRefresh(REFRESH_RETRY_MS);
    });
  }, delayMs);
}

/** Keeps the tokens of a login or refresh response in memory and renews them before they expire. */
export function startSession(response: LoginResponse): Session {
  const session: Session = { accessToken: response.accessToken, user: response.user };
  writeSession(session);
  const lifetimeSec = Math.max(response.expiresIn, 10);
  scheduleRefresh(Math.max(lifetimeSec * 0.75, lifetimeSec - 60) * 1000);
  return session;
}

export function endSession(reason: SessionEndReason): void {
  clearTimeout(refreshTimer);
  writeSession(null, reason);
}

/**
 * The server rotates the refresh cookie and refuses the loser of two concurrent refreshes: other
 * tabs of the same browser wait for this one (Web Locks), then use the cookie it received.
 */
function acrossTabs<T>(task: () => Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return task();
  return navigator.locks.request(REFRESH_LOCK, task);
}

/**
 * Exchanges the httpOnly refresh cookie for a new access token. Resolves to null when the server
 * says there is no valid session (and ends the current one); rejects when it cannot be reached.
 * Concurrent callers of this tab share one request, so a rotating refresh cookie is used once.
 */
export function refreshSession(): Promise<Session | null> {
  refreshInFlight ??= acrossTabs(async () => {
    const response = await send('POST', REFRESH_PATH, undefined, {}, null);
    // 204: no refresh cookie at all; 401: a cookie the server no longer honours
    if (response.status === 204 || response.status === 401) {
      if (getSession()) endSession('expired');
      return null;
    }
    return startSession(await parse<LoginResponse>(response));
  }).finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}
