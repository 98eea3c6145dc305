// The one way the UI talks to the REST API: JSON in and out, the session's bearer token, and every failure as an
// ApiError carrying the server's problem document (RFC 9457), so that pages can always show a clear message.
import { t, locale } from './i18n.js';
import { track } from './pending.js';

/** A failed API call. `problem` is the server's problem document, or one made up for network failures. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** The problem type's last path segment, e.g. "validation" for "/problems/validation". */
  get code() {
    const type = this.problem.type || '';
    return type.substring(type.lastIndexOf('/') + 1);
  }

  /** Field errors of a validation problem: `{field: message}`. */
  get fieldErrors() {
    const out = {};
    for (const e of this.problem.errors || []) out[e.field] = e.message;
    return out;
  }
}

// The API answers the shell preloaded for the first page (RoutePreloads, <link rel="preload" as="fetch">). The
// first GET of one, by someone not signed in, is asked for exactly as the shell asked (no header of ours: the
// browser's own language), so that the browser hands over the answer it has instead of asking again.
const preloaded = new Set([...document.querySelectorAll('link[rel=preload][as=fetch][href^="/api/"]')]
  .map((l) => l.getAttribute('href')));

// GET answers asked for before the page that reads them has run (askEarly): the page's own first call of each takes
// it, once.
const early = new Map();

let tokenSource = () => null;
let onUnauthorized = () => {};

/** Wired by the session module: where the bearer token comes from, and what to do when it is refused. */
export function configureApi({ token, unauthorized }) {
  tokenSource = token;
  onUnauthorized = unauthorized;
}

/**
 * Calls the API. `path` is relative to /api (e.g. "/cities"). Options: method, body (sent as JSON unless it is
 * FormData or a Blob), query (an object; empty values are left out), signal, headers.
 * Resolves with the parsed JSON (or null for an empty answer); rejects with ApiError.
 */
export async function api(path, { method = 'GET', body, query, signal, headers = {} } = {}) {
  const url = new URL('/api' + path, location.origin);
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  }
  const asked = method === 'GET' && !signal && early.get(url.pathname + url.search);
  if (asked) {
    early.delete(url.pathname + url.search);
    return asked;
  }
  // The UI's language, so that what plugins say about themselves (names, setting labels) comes in it too.
  const init = { method, signal, headers: { Accept: 'application/json', 'Accept-Language': locale(), ...headers } };
  const token = tokenSource();
  if (token) init.headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    if (body instanceof FormData || body instanceof Blob || body instanceof ArrayBuffer) {
      init.body = body;
    } else {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
  }
  const shellAsked = method === 'GET' && !token && preloaded.delete(url.pathname + url.search);
  let response;
  try {
    response = await track(fetch(url, shellAsked ? { signal } : init));
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { type: '/problems/network', title: t('common:errors.network'),
      detail: t('common:errors.network') });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const problem = data && typeof data === 'object' ? data
      : { type: '/problems/http', title: t('common:errors.http', { status: response.status }) };
    if (response.status === 429 && !problem.detail) {
      problem.detail = t('common:errors.rateLimited', { seconds: response.headers.get('Retry-After') || '?' });
    }
    const error = new ApiError(response.status, problem);
    error.retryAfter = Number(response.headers.get('Retry-After')) || null;
    if (response.status === 401 && token) onUnauthorized(error);
    throw error;
  }
  if (data !== null && typeof data === 'object' && response.headers.get('Location')) {
    Object.defineProperty(data, 'location', { value: response.headers.get('Location'), enumerable: false });
  }
  return data;
}

/**
 * Asks at once, with the reader's token, for the GET answers (paths relative to /api, query included) that the
 * first page will ask for when its module has run: the page's own call takes the answer instead of asking again.
 */
export function askEarly(paths) {
  for (const path of paths) {
    const url = new URL('/api' + path, location.origin);
    const answer = api(path);
    answer.catch(() => {});
    early.set(url.pathname + url.search, answer);
  }
}
