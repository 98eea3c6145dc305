// What the music plugin's UI modules share: the plugin's own catalogues (namespace "music", served from this jar's
// ui/i18n folder) and its stylesheet, both loaded once, and a duration formatter.
import { registerNamespace, loadNamespaces, formatNumber } from '/ui/core/i18n.js';

registerNamespace('music', (l) => `/plugins/music/ui/i18n/${l}.json`);

function addStylesheet() {
  const href = '/plugins/music/ui/music.css';
  if (!document.querySelector(`link[rel="stylesheet"][href="${href}"]`)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.append(link);
  }
}

/** Resolves when the music catalogues of the active language are loaded and the stylesheet is requested. */
export function musicReady() {
  addStylesheet();
  return loadNamespaces('music');
}

/** A length or position as m:ss (h:mm:ss past an hour), with the locale's digits. */
export function formatTime(ms) {
  const total = Math.max(0, Math.floor((ms || 0) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n) => formatNumber(n, { minimumIntegerDigits: 2, useGrouping: false });
  return h > 0 ? `${formatNumber(h)}:${two(m)}:${two(s)}` : `${formatNumber(m)}:${two(s)}`;
}
