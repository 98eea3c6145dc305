// History-API routing: the server answers index.html for every page address (UiShellFilter); this module maps
// the address to a page component, loading the page's module and i18n namespaces only when it is first needed.
import { routes } from '../routes.js';
import { loadNamespaces } from './i18n.js';

const compiled = routes.map((r) => {
  const names = [];
  const pattern = new RegExp('^' + r.path.replace(/:(\w+)/g, (m, name) => {
    names.push(name);
    return '([^/]+)';
  }) + '/?$');
  return { ...r, pattern, names };
});

/** Finds the route for a path: { route, params } or null. */
export function match(pathname) {
  for (const route of compiled) {
    const m = route.pattern.exec(pathname);
    if (m) {
      const params = {};
      route.names.forEach((n, i) => { params[n] = decodeURIComponent(m[i + 1]); });
      return { route, params };
    }
  }
  return null;
}

/** The route's `early` answers for this address (routes.js), each `:name` replaced by the address's value. */
export function earlyAnswers(found) {
  return (found?.route.early || [])
    .map((p) => p.replace(/:(\w+)/g, (m, name) => encodeURIComponent(found.params[name])));
}

/** Loads what a route needs (its module and namespaces). */
export async function prepare(route) {
  await Promise.all([route.module ? route.module() : null, loadNamespaces(...(route.ns || []))]);
}

/** Navigates within the app (pushState), or replaces the current entry. */
export function navigate(href, { replace = false } = {}) {
  const url = new URL(href, location.origin);
  if (url.origin !== location.origin) {
    location.assign(url);
    return;
  }
  if (replace) history.replaceState({}, '', url);
  else history.pushState({}, '', url);
  window.dispatchEvent(new CustomEvent('ccc-navigate'));
}

const RESERVED = /^\/(api|ws|webjars|ui|plugins|openapi|health|metrics)(\/|$)/;

/** Turns clicks on ordinary same-origin links into in-app navigation. */
export function interceptLinks(root) {
  root.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
      || event.altKey) return;
    const a = event.composedPath().find((n) => n instanceof HTMLAnchorElement);
    if (!a || !a.href || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href);
    // Reserved prefixes and file names (a last segment with a dot, e.g. a work's public page /works/12.html,
    // a feed) are the server's, as in UiShellFilter: the browser loads them.
    if (url.origin !== location.origin || RESERVED.test(url.pathname)
      || url.pathname.substring(url.pathname.lastIndexOf('/') + 1).includes('.')) return;
    event.preventDefault();
    if (url.pathname === location.pathname && url.search === location.search && url.hash) {
      document.getElementById(url.hash.substring(1))?.scrollIntoView();
      return;
    }
    navigate(url.pathname + url.search + url.hash);
  });
}
