// What the film plugin's UI modules share: the plugin's own catalogues (namespace "film", served from this jar's
// ui/i18n folder) and its stylesheet, both loaded once, and small formatting helpers.
import { registerNamespace, loadNamespaces, formatNumber } from '/ui/core/i18n.js';

registerNamespace('film', (l) => `/plugins/film/ui/i18n/${l}.json`);

function addStylesheet() {
  const href = '/plugins/film/ui/film.css';
  if (!document.querySelector(`link[rel="stylesheet"][href="${href}"]`)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.append(link);
  }
}

/** Resolves when the film catalogues of the active language are loaded and the stylesheet is requested. */
export function filmReady() {
  addStylesheet();
  return loadNamespaces('film');
}

/** A film position as h:mm:ss or m:ss, with the locale's digits. */
export function formatPosition(ms) {
  const total = Math.max(0, Math.floor((ms || 0) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n) => formatNumber(n, { minimumIntegerDigits: 2, useGrouping: false });
  return h > 0 ? `${formatNumber(h)}:${two(m)}:${two(s)}` : `${formatNumber(m)}:${two(s)}`;
}
