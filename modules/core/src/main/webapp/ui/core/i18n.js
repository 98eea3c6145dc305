// Every string of the UI comes from a catalogue: /ui/i18n/<locale>/<namespace>.json (plugins bring their own
// catalogues next to their UI module). Keys are "namespace:dotted.path"; values may hold {placeholders};
// plural forms are keys ending in _one / _other (Intl.PluralRules). Every language falls back to English, English
// to the key itself (and a console warning), so a missing translation is visible but never breaks a page.
//
// The languages the UI offers are declared once, in /ui/i18n/locales.json ({code, name} each, the name in its own
// language): a new language is that line plus its catalogue files (docs/translating.md). Nothing else lists them.
//
// The catalogues are fetched from beside this module (its address carries the UI's content hash when the server
// serves it under /static/<hash>/, so they are cached for good), and the namespaces asked for at once come in one
// request: <locale>/<a>+<b>.json answers {"a": {...}, "b": {...}} (StaticAssetFilter).
import { track } from './pending.js';

const FALLBACK = 'en';
const BASE = new URL('../i18n/', import.meta.url).pathname;
// The server writes the declared languages into the shell (StaticAssets); fetched when the shell has none.
const declared = inlineLocales() ?? await fetch(`${BASE}locales.json`)
  .then((r) => (r.ok ? r.json() : null)).catch(() => null);

function inlineLocales() {
  try {
    return JSON.parse(document.getElementById('ccc-locales')?.textContent ?? 'null');
  } catch {
    return null;
  }
}
const offered = Array.isArray(declared?.locales) && declared.locales.length
  ? declared.locales : [{ code: FALLBACK, name: 'English' }];

/** The codes of the languages the UI offers, in the declared order ("en", "fr"…). */
export const LOCALES = offered.map((l) => l.code);

/** A language's name in that language ("Français"), as declared, for the language switch. */
export function localeName(code) {
  return offered.find((l) => l.code === code)?.name ?? code;
}

const STORAGE_KEY = 'ccc.locale';
const catalogs = new Map();
const sources = new Map([['*', (locale, ns) => `${BASE}${locale}/${ns}.json`],
  // What the running plugins and their room kinds are called, from their message bundles (see plugin-texts.js).
  ['plugins', (locale) => `/api/modules/texts?lang=${locale}`]]);

/** The remembered choice, else the first of the browser's languages the UI offers (exactly, then by language). */
function initialLocale() {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (LOCALES.includes(stored)) return stored;
  const wanted = navigator.languages?.length ? navigator.languages : [navigator.language || FALLBACK];
  for (const tag of wanted.map((w) => w.toLowerCase())) {
    const found = LOCALES.find((l) => l.toLowerCase() === tag)
      ?? LOCALES.find((l) => l.toLowerCase() === tag.split('-')[0]);
    if (found) return found;
  }
  return FALLBACK;
}

let current = initialLocale();
document.documentElement.lang = current;

/** The active locale (one of LOCALES). */
export function locale() {
  return current;
}

/** Lets a plugin serve its own namespace from its UI folder: url(locale) → the catalogue's address. */
export function registerNamespace(ns, url) {
  sources.set(ns, (locale) => url(locale));
}

const json = (url) => track(fetch(url)).then((r) => (r.ok ? r.json() : {})).catch(() => ({}));

/** Starts fetching what is not cached yet of `namespaces` in `locale`: the core's own in one request. */
function fetchCatalogs(locale, namespaces) {
  const missing = [...new Set(namespaces)].filter((ns) => !catalogs.has(`${locale}/${ns}`));
  const own = missing.filter((ns) => !sources.has(ns));
  if (own.length > 1) {
    const all = json(`${BASE}${locale}/${own.join('+')}.json`);
    for (const ns of own) catalogs.set(`${locale}/${ns}`, all.then((a) => a[ns] ?? {}));
  }
  for (const ns of missing.filter((n) => !catalogs.has(`${locale}/${n}`))) {
    catalogs.set(`${locale}/${ns}`, json((sources.get(ns) || sources.get('*'))(locale, ns)));
  }
}

const loaded = new Map();

/** Loads namespaces for the active locale (and English, the fallback). Pages await this before rendering. */
export async function loadNamespaces(...namespaces) {
  await Promise.all([...new Set([current, FALLBACK])].flatMap((l) => {
    fetchCatalogs(l, namespaces);
    return namespaces.map(async (ns) => {
      loaded.set(`${l}/${ns}`, await catalogs.get(`${l}/${ns}`));
    });
  }));
}

function lookup(locale, ns, path) {
  let node = loaded.get(`${locale}/${ns}`);
  for (const part of path.split('.')) {
    if (node === undefined || node === null) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Translates "ns:key" with {params}; `params.count` selects the plural form. */
export function t(key, params = {}) {
  const colon = key.indexOf(':');
  const ns = colon > 0 ? key.substring(0, colon) : 'common';
  let path = colon > 0 ? key.substring(colon + 1) : key;
  if (typeof params.count === 'number') {
    const form = intl(Intl.PluralRules, current).select(params.count);
    const plural = lookup(current, ns, `${path}_${form}`) ?? lookup(FALLBACK, ns, `${path}_${form}`)
      ?? lookup(FALLBACK, ns, `${path}_other`);
    if (plural !== undefined) return interpolate(plural, params);
  }
  const text = lookup(current, ns, path) ?? lookup(FALLBACK, ns, path);
  if (text === undefined) {
    console.warn(`i18n: missing ${current}/${ns}:${path}`);
    return key;
  }
  return interpolate(text, params);
}

function interpolate(text, params) {
  return text.replace(/\{(\w+)\}/g, (m, name) => {
    const v = params[name];
    if (v === undefined || v === null) return m;
    return typeof v === 'number' ? formatNumber(v) : String(v);
  });
}

/** Switches the language, remembers it, reloads the loaded namespaces and tells every component. */
export async function setLocale(next) {
  if (!LOCALES.includes(next) || next === current) return;
  current = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  const namespaces = [...new Set([...loaded.keys()].map((k) => k.split('/')[1]))];
  await loadNamespaces(...namespaces);
  window.dispatchEvent(new CustomEvent('ccc-locale-changed', { detail: { locale: next } }));
}

const formatters = new Map();

/**
 * The Intl formatter of a kind for a locale and options, made once: making one costs far more than using it (the
 * home page's numbers and plural forms made one per call, about 80 ms of its first drawing on a phone).
 */
function intl(Kind, locale, options) {
  const key = `${Kind.name} ${locale} ${options === undefined ? '' : JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Kind(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

// The first formatter of each kind loads the locale's data from ICU, the first number or date format most of all
// (30-100 ms in a first page on this machine's Chromium, before any slowing down), and the browser keeps that data for
// the whole page: a worker makes them at once (intl-warm.js), while the first page's strings and answers are on
// their way, so that the page's own formatters take under a millisecond when it draws.
if (typeof Worker === 'function') {
  try {
    const warm = new Worker(new URL('./intl-warm.js', import.meta.url));
    warm.onmessage = () => warm.terminate();
    warm.onerror = () => warm.terminate();
    warm.postMessage(current);
  } catch (e) {
    // The formatters load their data when first used, as without the worker.
  }
}

/** A date (ISO string, Date or epoch ms) in the locale; `options` as Intl.DateTimeFormat. */
export function formatDate(value, options = { dateStyle: 'medium' }) {
  if (value === undefined || value === null || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  return intl(Intl.DateTimeFormat, current, options).format(date);
}

/** A date and time, short. */
export function formatDateTime(value) {
  return formatDate(value, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "3 minutes ago" in the locale. */
export function formatRelative(value) {
  const date = value instanceof Date ? value : new Date(value);
  const seconds = Math.round((date.getTime() - Date.now()) / 1000);
  const rtf = intl(Intl.RelativeTimeFormat, current, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 86400 * 30) return rtf.format(Math.round(seconds / 86400), 'day');
  return formatDate(date);
}

/** A number in the locale ("1,234" / "1 234"). */
export function formatNumber(value, options) {
  return intl(Intl.NumberFormat, current, options).format(value);
}

/** Translates "ns:key" if the catalogue has it, else returns the fallback (for data such as field names). */
export function translateOr(key, fallback, params = {}) {
  const colon = key.indexOf(':');
  const ns = key.substring(0, colon);
  const path = key.substring(colon + 1);
  const text = lookup(current, ns, path) ?? lookup(FALLBACK, ns, path);
  return text === undefined ? fallback : interpolate(text, params);
}

/**
 * A country's name in the reader's language, from the browser's CLDR data (Intl.DisplayNames) by its ISO code;
 * the name the server sent (English) only when the browser does not know the code. Takes {code, name} or a code.
 */
export function countryName(country) {
  const code = typeof country === 'string' ? country : country?.code;
  const fallback = typeof country === 'string' ? country : (country?.name ?? code ?? '');
  if (!code) return fallback;
  try {
    return intl(Intl.DisplayNames, current, { type: 'region', fallback: 'none' }).of(code.toUpperCase()) ?? fallback;
  } catch (e) {
    return fallback;
  }
}
