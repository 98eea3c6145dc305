// Helpers shared by the account pages and the directory: safe return addresses after signing in, language codes
// and their names in the active locale and waiting times.
import { html, nothing } from 'lit';
import { t, locale, formatNumber } from '../core/i18n.js';
import { api } from '../core/api.js';

/** Minimum and maximum password lengths accepted by POST /api/accounts. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 1024;

/** Expertise tags and language codes as the server validates them (MembershipDtos.ProfileUpdate). */
export const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} .+#&/-]{0,49}$/u;
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Z]{2})?$/;
export const LIMITS = { fields: 9, expertise: 20, languages: 10, bio: 4000, displayNameMin: 2, displayNameMax: 80 };

/** The languages offered in pickers: UNESCO's working and official languages first, then widely spoken ones. */
export const LANGUAGES = ['en', 'fr', 'ar', 'zh', 'es', 'ru', 'pt', 'de', 'it', 'nl', 'pl', 'tr', 'fa', 'hi', 'bn',
  'ur', 'id', 'ms', 'th', 'vi', 'ja', 'ko', 'sw', 'am', 'yo', 'ha', 'el', 'he', 'sv', 'no', 'da', 'fi', 'cs', 'hu',
  'ro', 'uk', 'ka', 'hy', 'ca', 'eu', 'gl', 'mn', 'ta', 'te', 'ne', 'si', 'km', 'lo', 'my', 'tl', 'et', 'lv', 'lt',
  'sk', 'sl', 'hr', 'sr', 'bg', 'is', 'ga', 'cy', 'mt', 'af', 'zu', 'xh', 'ig', 'wo', 'ps', 'uz', 'kk', 'az', 'mk',
  'sq', 'bs', 'be', 'pa', 'gu', 'mr', 'ml', 'kn', 'qu', 'gn', 'ht'];

/** A language code's name in the active locale ("fr" → "French" / "français"), or the code itself. */
export function languageName(code) {
  try {
    const name = new Intl.DisplayNames([locale()], { type: 'language' }).of(code);
    return name && name !== code ? name.charAt(0).toLocaleUpperCase(locale()) + name.slice(1) : code;
  } catch {
    return code;
  }
}

/** The languages sorted by their name in the active locale, each as {code, name}. */
export function languageOptions(extra = []) {
  const codes = [...new Set([...LANGUAGES, ...extra])];
  return codes.map((code) => ({ code, name: languageName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale()));
}

/**
 * Where to go after signing in: the `next` query parameter when it is a path of this site (never another origin,
 * never a protocol-relative or backslash trick, never the sign-in pages themselves), else the fallback.
 */
export function safeNext(query, fallback = '/') {
  const next = query?.get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return fallback;
  try {
    const url = new URL(next, location.origin);
    if (url.origin !== location.origin || /^\/(signin|signup)\/?$/.test(url.pathname)) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}

// Sign-in links live with the session (the shell needs them without this module); kept here for its importers.
export { currentPath, signInHref, signUpHref } from '../core/session.js';

/** A waiting time in seconds as words in the active locale ("15 minutes", "40 s"). */
export function formatWait(seconds) {
  const s = Math.max(1, Math.round(seconds));
  if (s < 90) return formatNumber(s, { style: 'unit', unit: 'second', unitDisplay: 'long' });
  if (s < 5400) return formatNumber(Math.ceil(s / 60), { style: 'unit', unit: 'minute', unitDisplay: 'long' });
  return formatNumber(Math.ceil(s / 3600), { style: 'unit', unit: 'hour', unitDisplay: 'long' });
}

/** A field's server message for a form input, looked up by the last part of its path ("update.body.bio" → "bio"). */
export function serverFieldErrors(error) {
  const out = {};
  for (const e of error?.problem?.errors || []) {
    const name = String(e.field || '').replace(/\[\d+\].*$/, '').split('.').pop();
    if (name && !out[name]) out[name] = e.message;
  }
  return out;
}

/**
 * A refused form (400): the server's messages under the form's own fields, and one summary above the form, or the
 * whole problem when some message belongs to no field the form shows. Returns {errors, summary}.
 */
export function formProblem(error, shownFields) {
  const errors = error.status === 400 ? serverFieldErrors(error) : {};
  const names = Object.keys(errors);
  const placed = names.length > 0 && names.every((n) => shownFields.includes(n));
  return { errors, summary: placed ? { message: t('account:form.fix') } : error };
}

/** A field error paragraph for `name` (client-side message first, then the server's), with its id for aria. */
export function fieldMessage(errors, name, id) {
  const message = errors?.[name];
  return message ? html`<p class="field-error" id=${id}>${message}</p>` : nothing;
}

/** A translated "Status" badge for a membership status (PENDING, ACTIVE, REJECTED). */
export function statusBadge(status) {
  const s = String(status || '').toLowerCase();
  return html`<span class="badge acct-status acct-status-${s}">${t(`account:status.${s}`)}</span>`;
}

let citiesPromise = null;

/** Every current city ({slug, name, …}) sorted by name, loaded once per page load for pickers. */
export function allCities() {
  if (!citiesPromise) {
    const size = 100;
    citiesPromise = api('/cities', { query: { page: 1, size, sort: 'name' } }).then(async (first) => {
      const pages = Math.ceil(first.total / size);
      const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) },
        (_, i) => api('/cities', { query: { page: i + 2, size, sort: 'name' } })));
      return [first, ...rest].flatMap((p) => p.items).sort((a, b) => a.name.localeCompare(b.name, locale()));
    }).catch((e) => {
      citiesPromise = null;
      throw e;
    });
  }
  return citiesPromise;
}

/**
 * A required, labelled input with an optional hint (text, or a template whose id is `<id>-hint`) and its error
 * message, wired for assistive technology (aria-invalid, aria-describedby).
 */
export function inputField({ id, name, label, errors = {}, hint, type = 'text', autocomplete, min, max, value,
  onInput }) {
  const error = errors[name];
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="form-field">
    <label for=${id}>${label}</label>
    ${typeof hint === 'string' ? html`<p class="form-hint" id="${id}-hint">${hint}</p>` : hint ?? nothing}
    <input id=${id} name=${name} type=${type} autocomplete=${autocomplete ?? nothing} required
           minlength=${min ?? nothing} maxlength=${max ?? nothing} .value=${value ?? ''} @input=${onInput}
           aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described || nothing}>
    ${fieldMessage(errors, name, `${id}-error`)}
  </div>`;
}

/** The panel shown on the sign-in and sign-up pages to someone already signed in. */
export function alreadySignedIn(title, me, href, linkLabel) {
  return html`<section class="page acct-narrow">
    <h1>${title}</h1>
    <div class="success-box">
      <p>${t('account:signin.already', { name: me.displayName })}</p>
      <p class="row"><a class="button button-primary" href=${href}>${linkLabel}</a></p>
    </div>
  </section>`;
}
