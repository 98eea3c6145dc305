// Small view helpers shared by pages: loading, empty and error states, field errors and pagination, so that every
// page reports API failures the same, clear way.
import { html, nothing } from 'lit';
import { t, formatNumber } from './i18n.js';

/** A polite "Loading…" line. */
export function loading(label = t('common:loading')) {
  return html`<p class="state state-loading" role="status" aria-live="polite">${label}</p>`;
}

/** An error box for a failed call (ApiError or Error), with the server's detail and field errors. */
export function errorBox(error) {
  if (!error) return nothing;
  const fields = error.problem?.errors || [];
  return html`<div class="error-box" role="alert">
    <p>${error.message}</p>
    ${fields.length ? html`<ul>${fields.map((f) => html`<li><strong>${f.field}</strong>: ${f.message}</li>`)}</ul>` : nothing}
  </div>`;
}

/** A muted line for an empty list. */
export function empty(text) {
  return html`<p class="state state-empty">${text}</p>`;
}

/** The message for one form field from an ApiError's field list, rendered under the input (id for aria). */
export function fieldError(error, field, id) {
  const message = error?.fieldErrors?.[field];
  return message ? html`<p class="field-error" id=${id}>${message}</p>` : nothing;
}

/**
 * Previous / next pagination for a page answer of the API ({items, total, page, size}; pages count from 1, as
 * the server does). onPage(n) is called with the page to show.
 */
export function pager(result, onPage) {
  if (!result || result.total <= result.size) return nothing;
  const pages = Math.ceil(result.total / result.size);
  return html`<nav class="pager" aria-label=${t('common:pager.label')}>
    <button type="button" ?disabled=${result.page <= 1} @click=${() => onPage(result.page - 1)}>
      ${t('common:pager.previous')}</button>
    <span>${t('common:pager.position', { page: formatNumber(result.page), pages: formatNumber(pages),
      total: formatNumber(result.total) })}</span>
    <button type="button" ?disabled=${result.page >= pages} @click=${() => onPage(result.page + 1)}>
      ${t('common:pager.next')}</button>
  </nav>`;
}

/** Sets the document title for a page. */
export function setTitle(title) {
  document.title = title ? `${title} · ${t('common:brand')}` : t('common:brand');
}

/**
 * Tells the shell that a page shows its main content (after its data arrived): the shell records the
 * "ccc-rendered" performance mark that the browser tests print as the page's first render.
 */
export function pageReady(element) {
  element.dispatchEvent(new CustomEvent('ccc-page-ready', { bubbles: true }));
}
