// Helpers shared by the admin console's sections: a modal confirmation, the whole city list (for pickers) and
// accent-insensitive matching.
import { html, render } from 'lit';
import { api } from '../core/api.js';
import { t } from '../core/i18n.js';

/**
 * Asks for confirmation in a modal <dialog> (focus is trapped and Escape cancels). Resolves true when confirmed.
 * `body` is a lit template or text; `danger` styles the confirm button as destructive.
 */
export function confirmDialog({ title, body, confirmLabel, danger = false }) {
  return new Promise((resolve) => {
    const dialog = document.createElement('dialog');
    dialog.className = 'admin-dialog';
    dialog.setAttribute('aria-labelledby', 'admin-dialog-title');
    dialog.dataset.testid = 'admin-confirm';
    const close = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      close(false);
    });
    render(html`<h2 id="admin-dialog-title">${title}</h2>
      <div class="admin-dialog-body">${body}</div>
      <div class="form-actions">
        <button type="button" class=${danger ? 'danger' : 'primary'} data-testid="admin-confirm-ok"
          @click=${() => close(true)}>${confirmLabel || t('common:actions.confirm')}</button>
        <button type="button" data-testid="admin-confirm-cancel" @click=${() => close(false)}>
          ${t('common:actions.cancel')}</button>
      </div>`, dialog);
    document.body.append(dialog);
    dialog.showModal();
    dialog.querySelector('[data-testid=admin-confirm-cancel]').focus();
  });
}

let allCities = null;

/** Every current city ({slug, name, country, …}), loaded once per page view in pages of the largest size. */
export function loadAllCities({ fresh = false } = {}) {
  if (!allCities || fresh) {
    allCities = (async () => {
      const out = [];
      for (let page = 1; ; page++) {
        const result = await api('/cities', { query: { page, size: 100, sort: 'name' } });
        out.push(...result.items);
        if (out.length >= result.total || result.items.length === 0) return out;
      }
    })();
    allCities.catch(() => {
      allCities = null;
    });
  }
  return allCities;
}

/** Lower-case, without accents: "Québec" matches "quebec". */
export function fold(text) {
  return (text || '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The message of a field from an ApiError, with the input's aria attributes. */
export function invalid(error, field) {
  return !!error?.fieldErrors?.[field];
}
