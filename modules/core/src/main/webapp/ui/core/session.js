// Who is signed in. The bearer token lives in localStorage (shared by the tabs of this browser); the account,
// profile and memberships come from GET /api/me. Components listen for "ccc-session-changed" on window.
import { api, configureApi } from './api.js';

const TOKEN_KEY = 'ccc.token';
let me = null;

configureApi({
  token: () => localStorage.getItem(TOKEN_KEY),
  unauthorized: () => {
    // The token expired or was revoked elsewhere ("sign out everywhere"): forget it quietly.
    localStorage.removeItem(TOKEN_KEY);
    setMe(null);
  },
});

function setMe(value) {
  me = value;
  window.dispatchEvent(new CustomEvent('ccc-session-changed', { detail: { me } }));
}

/** The signed-in person (GET /api/me: id, email, displayName, admin, profile, memberships), or null. */
export function currentUser() {
  return me;
}

/** The bearer token, or null. */
export function token() {
  return localStorage.getItem(TOKEN_KEY);
}

/** Loads the current person at start-up (null when signed out or the token is no longer valid). */
export async function restoreSession() {
  if (!token()) return null;
  try {
    setMe(await api('/me'));
  } catch (e) {
    if (e.status !== 401) throw e;
  }
  return me;
}

/** Re-reads /api/me, e.g. after joining a city or editing the profile. */
export async function refreshMe() {
  if (token()) setMe(await api('/me'));
  return me;
}

/** Signs in; rejects with ApiError (401 wrong credentials, 423/429 locked or throttled). */
export async function signIn(email, password) {
  const session = await api('/sessions', { method: 'POST', body: { email, password } });
  localStorage.setItem(TOKEN_KEY, session.token);
  return refreshMe();
}

/** Signs out this browser (the token is revoked on the server). */
export async function signOut() {
  try {
    if (token()) await api('/sessions/current', { method: 'DELETE' });
  } finally {
    localStorage.removeItem(TOKEN_KEY);
    setMe(null);
  }
}

/** The caller's role in a city: "coordinator", "member", "pending" or null. Administrators manage everything. */
export function roleIn(citySlug) {
  const m = me?.memberships?.find((x) => x.city === citySlug);
  if (!m) return null;
  if (m.status && m.status.toLowerCase() !== 'active') return m.status.toLowerCase();
  return (m.role || 'member').toLowerCase();
}

/** True when the caller may manage the city (coordinator there, or administrator). */
export function canManage(citySlug) {
  return !!me && (me.admin || roleIn(citySlug) === 'coordinator');
}

/** The current address as a `next` value, for "sign in" links. */
export function currentPath() {
  return location.pathname + location.search;
}

function authHref(page, path) {
  const url = new URL(path || '/', location.origin);
  // From the sign-in or sign-up page, keep where the person was going rather than coming back to this form.
  const next = /^\/(signin|signup)\/?$/.test(url.pathname) ? url.searchParams.get('next') : url.pathname + url.search;
  return next && next !== '/' ? `${page}?next=${encodeURIComponent(next)}` : page;
}

/** A link to sign in and come back to `path` (by default, the current page). */
export function signInHref(path = currentPath()) {
  return authHref('/signin', path);
}

/** A link to sign up and come back to `path` (by default, the current page). */
export function signUpHref(path = currentPath()) {
  return authHref('/signup', path);
}
