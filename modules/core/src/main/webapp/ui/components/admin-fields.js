// Admin console, "Creative fields": the network's fields with their city counts; add a field, rename or describe one.
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { api } from '../core/api.js';
import { t } from '../core/i18n.js';
import { fieldName } from '../core/fields.js';
import { notify } from '../core/notify.js';
import { loading, errorBox, empty, fieldError, pageReady } from '../core/view.js';

const BLANK = { slug: '', name: '', description: '', since: String(new Date().getFullYear()) };

class AdminFields extends CccElement {
  static properties = {
    _fields: { state: true },
    _error: { state: true },
    _editing: { state: true },
    _form: { state: true },
    _formError: { state: true },
    _saving: { state: true },
  };

  constructor() {
    super();
    this._fields = null;
    this._error = null;
    this._editing = null;
    this._form = null;
    this._formError = null;
    this._saving = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this._load().then(() => pageReady(this));
  }

  async _load() {
    try {
      this._fields = await api('/fields');
      this._error = null;
    } catch (e) {
      this._error = e;
    }
    await this.updateComplete;
  }

  async _open(field) {
    this._editing = field || { isNew: true };
    this._form = field ? { ...BLANK, ...field, since: String(field.since) } : { ...BLANK };
    this._formError = null;
    await this.updateComplete;
    this.querySelector('#admin-field-editor-title')?.focus();
  }

  async _save(event) {
    event.preventDefault();
    const isNew = this._editing.isNew;
    const f = this._form;
    const body = isNew ? { slug: f.slug.trim(), name: f.name.trim(), description: f.description.trim(),
      since: Number(f.since) || null } : { name: f.name.trim(), description: f.description.trim() };
    this._saving = true;
    this._formError = null;
    try {
      const field = isNew ? await api('/fields', { method: 'POST', body })
        : await api(`/fields/${encodeURIComponent(this._editing.slug)}`, { method: 'PATCH', body });
      notify(t(isNew ? 'admin:fields.created' : 'admin:fields.saved', { name: field.name }), 'success');
      this._editing = null;
      await this._load();
    } catch (e) {
      this._formError = e;
    } finally {
      this._saving = false;
    }
  }

  render() {
    return html`<section class="admin-section" aria-labelledby="admin-fields-title">
      <div class="admin-section-head">
        <h1 id="admin-fields-title">${t('admin:sections.fields')}</h1>
        <button type="button" class="primary" @click=${() => this._open(null)}>${t('admin:fields.new')}</button>
      </div>
      ${this._editing ? this._renderEditor() : nothing}
      ${this._error ? errorBox(this._error) : !this._fields ? loading() : this._renderTable()}
    </section>`;
  }

  _renderTable() {
    if (!this._fields.length) return empty(t('admin:fields.none'));
    return html`<div class="table-wrap"><table>
      <caption class="visually-hidden">${t('admin:sections.fields')}</caption>
      <thead><tr><th scope="col">${t('admin:fields.columns.name')}</th><th scope="col">${t('admin:fields.columns.slug')}</th>
        <th scope="col">${t('admin:fields.columns.since')}</th><th scope="col">${t('admin:fields.columns.cities')}</th>
        <th scope="col">${t('admin:fields.columns.actions')}</th></tr></thead>
      <tbody>${this._fields.map((f) => html`<tr>
        <th scope="row">${fieldName(f)}</th><td><code>${f.slug}</code></td><td>${String(f.since)}</td>
        <td>${t('admin:fields.cities', { count: f.cities })}</td>
        <td><button type="button" aria-label=${t('admin:fields.editNamed', { name: fieldName(f) })}
          @click=${() => this._open(f)}>${t('common:actions.edit')}</button></td>
      </tr>`)}</tbody>
    </table></div>`;
  }

  _renderEditor() {
    const isNew = this._editing.isNew;
    const f = this._form;
    const err = this._formError;
    const control = (key, type = 'text') => {
      const id = `admin-field-${key}`;
      const bad = err?.fieldErrors?.[key] ? 'true' : 'false';
      const set = (e) => { this._form = { ...this._form, [key]: e.target.value }; };
      return html`<div class="form-field">
        <label for=${id}>${t(`admin:fields.form.${key}`)}</label>
        ${type === 'textarea' ? html`<textarea id=${id} .value=${f[key]} aria-invalid=${bad}
            aria-describedby=${`${id}-error`} @input=${set}></textarea>`
          : html`<input id=${id} type=${type} .value=${f[key]} aria-invalid=${bad} aria-describedby=${`${id}-error`}
            @input=${set}>`}
        ${fieldError(err, key, `${id}-error`)}
      </div>`;
    };
    return html`<section class="card admin-editor" aria-labelledby="admin-field-editor-title">
      <h2 id="admin-field-editor-title" tabindex="-1">${isNew ? t('admin:fields.createTitle')
        : t('admin:fields.editTitle', { name: fieldName(this._editing) })}</h2>
      <form class="form" @submit=${this._save} novalidate>
        ${isNew ? control('slug') : nothing}
        ${control('name')}
        ${control('description', 'textarea')}
        ${isNew ? control('since', 'number') : nothing}
        ${err && !err.problem?.errors?.length ? errorBox(err) : nothing}
        <div class="form-actions">
          <button type="submit" class="primary" ?disabled=${this._saving}>${isNew ? t('admin:fields.create')
            : t('common:actions.save')}</button>
          <button type="button" @click=${() => { this._editing = null; }}>${t('common:actions.cancel')}</button>
        </div>
      </form>
    </section>`;
  }
}

customElements.define('ccc-admin-fields', AdminFields);
