// View helpers of the network pages: field chips and a failed load with its "try again" button.
import { html, nothing } from 'lit';
import { t } from '../core/i18n.js';
import { fieldColor, fieldName } from '../core/fields.js';
import { errorBox } from '../core/view.js';

/** The chip of a field slug; `fields` (from GET /api/fields) supplies the server's name of unknown fields. */
export function fieldChip(field, fields) {
  if (!field) return nothing;
  const known = fields?.find((f) => f.slug === field) || { slug: field, name: field };
  return html`<span class="chip" style="background:${fieldColor(field)}">${fieldName(known)}</span>`;
}

/** A failed call's message and a button that tries again. */
export function failed(error, retry) {
  return html`${errorBox(error)}
    <p><button type="button" @click=${retry}>${t('common:actions.retry')}</button></p>`;
}
