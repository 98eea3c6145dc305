// Admin console, "Cities": search the member cities (retired ones too), create a city, edit its facts, retire or
// reinstate it, and add designations (a creative field and a year).
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { api } from '../core/api.js';
import { t, countryName } from '../core/i18n.js';
import { fieldName } from '../core/fields.js';
import { notify, notifyError } from '../core/notify.js';
import { loading, errorBox, empty, fieldError, pageReady, pager } from '../core/view.js';
import { confirmDialog, loadAllCities } from './admin-common.js';

const EDITABLE = ['name', 'countryCode', 'countryName', 'latitude', 'longitude', 'description', 'website', 'joinPolicy'];

/** The form's values for a city profile (or empty for a new city). */
function formOf(city) {
  return {
    name: city?.name || '',
    countryCode: city?.country?.code || '',
    countryName: city?.country?.name || '',
    latitude: city?.latitude ?? '',
    longitude: city?.longitude ?? '',
    description: city?.description || '',
    website: city?.website || '',
    joinPolicy: city?.joinPolicy || 'APPROVAL',
  };
}

/** The JSON body for the form: numbers as numbers, blanks left out, the country code in upper case. */
function bodyOf(form, original) {
  const body = {};
  for (const key of EDITABLE) {
    let value = typeof form[key] === 'string' ? form[key].trim() : form[key];
    if (key === 'countryCode') value = value.toUpperCase();
    if ((key === 'latitude' || key === 'longitude') && value !== '') value = Number(value);
    if (original && String(value) === String(original[key])) continue;
    if (value === '' && !original) continue;
    body[key] = value;
  }
  return body;
}

class AdminCities extends CccElement {
  static properties = {
    _q: { state: true },
    _retired: { state: true },
    _result: { state: true },
    _error: { state: true },
    _fields: { state: true },
    _editing: { state: true },
    _form: { state: true },
    _formError: { state: true },
    _saving: { state: true },
    _designation: { state: true },
    _designationError: { state: true },
  };

  constructor() {
    super();
    this._q = '';
    this._retired = true;
    this._result = null;
    this._error = null;
    this._fields = [];
    this._editing = null;
    this._form = null;
    this._formError = null;
    this._saving = false;
    this._designation = { field: '', year: String(new Date().getFullYear()) };
    this._designationError = null;
  }

  connectedCallback() {
    super.connectedCallback();
    api('/fields').then((fields) => { this._fields = fields; }, (e) => notifyError(e));
    this._search(1).then(() => pageReady(this));
  }

  async _search(page) {
    clearTimeout(this._debounce);
    this._abort?.abort();
    this._abort = new AbortController();
    try {
      this._result = await api('/cities', { query: { q: this._q.trim(), retired: this._retired, page, size: 20 },
        signal: this._abort.signal });
      this._error = null;
    } catch (e) {
      if (e.name !== 'AbortError') this._error = e;
    }
    await this.updateComplete;
  }

  _onSearch(e) {
    this._q = e.target.value;
    clearTimeout(this._debounce);
    this._debounce = setTimeout(() => this._search(1), 250);
  }

  _create() {
    this._editing = { isNew: true };
    this._form = formOf(null);
    this._formError = null;
    this._focusEditor();
  }

  async _edit(slug) {
    try {
      const city = await api(`/cities/${encodeURIComponent(slug)}`);
      this._editing = city;
      this._form = formOf(city);
      this._formError = null;
      this._designationError = null;
      this._focusEditor();
    } catch (e) {
      notifyError(e);
    }
  }

  async _focusEditor() {
    await this.updateComplete;
    const heading = this.querySelector('#admin-city-editor-title');
    heading?.focus();
    heading?.scrollIntoView({ block: 'start' });
  }

  _close() {
    this._editing = null;
    this._form = null;
  }

  async _save(event) {
    event.preventDefault();
    const isNew = this._editing.isNew;
    const body = bodyOf(this._form, isNew ? null : formOf(this._editing));
    if (!isNew && !Object.keys(body).length) {
      notify(t('admin:cities.unchanged'));
      return;
    }
    this._saving = true;
    this._formError = null;
    try {
      const city = isNew ? await api('/cities', { method: 'POST', body })
        : await api(`/cities/${encodeURIComponent(this._editing.slug)}`, { method: 'PATCH', body });
      notify(t(isNew ? 'admin:cities.created' : 'admin:cities.saved', { name: city.name }), 'success');
      this._editing = city;
      this._form = formOf(city);
      loadAllCities({ fresh: true });
      await this._search(this._result?.page || 1);
      if (isNew) this._focusEditor();
    } catch (e) {
      this._formError = e;
      await this.updateComplete;
      this.querySelector('.admin-city-form [aria-invalid=true]')?.focus();
    } finally {
      this._saving = false;
    }
  }

  async _retire(city) {
    const ok = await confirmDialog({
      title: t('admin:cities.retire.title', { name: city.name }),
      body: html`<p>${t('admin:cities.retire.text', { name: city.name })}</p>`,
      confirmLabel: t('admin:cities.retire.confirm'),
      danger: true,
    });
    if (!ok) return;
    try {
      await api(`/cities/${encodeURIComponent(city.slug)}`, { method: 'DELETE' });
      notify(t('admin:cities.retired', { name: city.name }), 'success');
      await this._afterStatusChange(city.slug);
    } catch (e) {
      notifyError(e);
    }
  }

  async _reinstate(city) {
    try {
      await api(`/cities/${encodeURIComponent(city.slug)}`, { method: 'PATCH', body: { retired: false } });
      notify(t('admin:cities.reinstated', { name: city.name }), 'success');
      await this._afterStatusChange(city.slug);
    } catch (e) {
      notifyError(e);
    }
  }

  async _afterStatusChange(slug) {
    loadAllCities({ fresh: true });
    await this._search(this._result?.page || 1);
    if (this._editing?.slug === slug) this._editing = await api(`/cities/${encodeURIComponent(slug)}`);
  }

  async _designate(event) {
    event.preventDefault();
    this._designationError = null;
    try {
      const city = await api(`/cities/${encodeURIComponent(this._editing.slug)}/designations`, { method: 'POST',
        body: { field: this._designation.field, year: Number(this._designation.year) || null } });
      this._editing = city;
      notify(t('admin:cities.designations.added', { name: city.name }), 'success');
      await this._search(this._result?.page || 1);
    } catch (e) {
      this._designationError = e;
    }
  }

  render() {
    return html`<section class="admin-section" aria-labelledby="admin-cities-title">
      <div class="admin-section-head">
        <h1 id="admin-cities-title">${t('admin:sections.cities')}</h1>
        <button type="button" class="primary" data-testid="admin-city-new" @click=${this._create}>
          ${t('admin:cities.new')}</button>
      </div>
      ${this._editing ? this._renderEditor() : nothing}
      <form class="admin-filters" role="search" @submit=${(e) => { e.preventDefault(); this._search(1); }}>
        <div class="form-field">
          <label for="admin-city-q">${t('admin:cities.search')}</label>
          <input id="admin-city-q" type="search" .value=${this._q} @input=${this._onSearch} data-testid="admin-city-search">
        </div>
        <div class="admin-check">
          <input id="admin-city-retired" type="checkbox" .checked=${this._retired}
            @change=${(e) => { this._retired = e.target.checked; this._search(1); }}>
          <label for="admin-city-retired">${t('admin:cities.includeRetired')}</label>
        </div>
      </form>
      ${this._error ? errorBox(this._error) : !this._result ? loading() : this._renderTable()}
    </section>`;
  }

  _renderTable() {
    const r = this._result;
    if (!r.items.length) return empty(t('admin:cities.none'));
    const field = (slug) => {
      const f = this._fields.find((x) => x.slug === slug);
      return f ? fieldName(f) : slug || '—';
    };
    return html`<p class="muted" aria-live="polite">${t('admin:cities.count', { count: r.total })}</p>
      <div class="table-wrap"><table data-testid="admin-city-table">
        <caption class="visually-hidden">${t('admin:sections.cities')}</caption>
        <thead><tr>
          <th scope="col">${t('admin:cities.columns.name')}</th><th scope="col">${t('admin:cities.columns.country')}</th>
          <th scope="col">${t('admin:cities.columns.field')}</th><th scope="col">${t('admin:cities.columns.year')}</th>
          <th scope="col">${t('admin:cities.columns.status')}</th><th scope="col">${t('admin:cities.columns.actions')}</th>
        </tr></thead>
        <tbody>${r.items.map((c) => html`<tr data-testid=${`admin-city-${c.slug}`}>
          <th scope="row"><a href=${`/cities/${c.slug}`}>${c.name}</a></th>
          <td>${countryName(c.country)}</td>
          <td>${field(c.field)}</td>
          <td>${c.joinedYear ? String(c.joinedYear) : '—'}</td>
          <td>${c.retired ? html`<span class="badge admin-state admin-state-disabled">${t('admin:cities.retiredBadge')}</span>`
            : html`<span class="badge admin-state admin-state-started">${t('admin:cities.activeBadge')}</span>`}</td>
          <td class="admin-row-actions">
            <button type="button" @click=${() => this._edit(c.slug)} data-testid="admin-city-edit"
              aria-label=${t('admin:cities.editNamed', { name: c.name })}>${t('common:actions.edit')}</button>
            ${c.retired ? html`<button type="button" @click=${() => this._reinstate(c)} data-testid="admin-city-reinstate"
              aria-label=${t('admin:cities.reinstateNamed', { name: c.name })}>${t('admin:cities.reinstate')}</button>`
              : html`<button type="button" @click=${() => this._retire(c)} data-testid="admin-city-retire"
              aria-label=${t('admin:cities.retireNamed', { name: c.name })}>${t('admin:cities.retire.confirm')}</button>`}
          </td>
        </tr>`)}</tbody>
      </table></div>
      ${pager(r, (page) => this._search(page))}`;
  }

  _renderEditor() {
    const city = this._editing;
    const isNew = city.isNew;
    const f = this._form;
    const err = this._formError;
    const input = (key, { type = 'text', required = false, extra = {} } = {}) => {
      const id = `admin-city-${key}`;
      const bad = !!err?.fieldErrors?.[key];
      return html`<div class="form-field">
        <label for=${id}>${t(`admin:cities.fields.${key}`)}${required ? html` <span aria-hidden="true">*</span>` : nothing}</label>
        ${key === 'description' ? html`<textarea id=${id} .value=${f[key]} aria-invalid=${bad ? 'true' : 'false'}
            aria-describedby=${`${id}-error`} @input=${(e) => { this._form = { ...f, [key]: e.target.value }; }}></textarea>`
          : html`<input id=${id} type=${type} .value=${String(f[key])} ?required=${required}
            aria-invalid=${bad ? 'true' : 'false'} aria-describedby=${`${id}-hint ${id}-error`}
            step=${extra.step || nothing} data-testid=${`admin-city-field-${key}`}
            @input=${(e) => { this._form = { ...this._form, [key]: e.target.value }; }}>`}
        ${extra.hint ? html`<p class="form-hint" id=${`${id}-hint`}>${extra.hint}</p>` : nothing}
        ${fieldError(err, key, `${id}-error`)}
      </div>`;
    };
    return html`<section class="card admin-editor" aria-labelledby="admin-city-editor-title" data-testid="admin-city-editor">
      <h2 id="admin-city-editor-title" tabindex="-1">${isNew ? t('admin:cities.createTitle')
        : t('admin:cities.editTitle', { name: city.name })}</h2>
      ${!isNew && city.retired ? html`<p class="notice">${t('admin:cities.isRetired')}</p>` : nothing}
      <form class="form admin-city-form" @submit=${this._save} novalidate>
        ${input('name', { required: true })}
        <div class="admin-form-row">
          ${input('countryCode', { required: true, extra: { hint: t('admin:cities.hints.countryCode') } })}
          ${input('countryName', { extra: { hint: t('admin:cities.hints.countryName') } })}
        </div>
        <div class="admin-form-row">
          ${input('latitude', { type: 'number', extra: { step: 'any', hint: t('admin:cities.hints.latitude') } })}
          ${input('longitude', { type: 'number', extra: { step: 'any', hint: t('admin:cities.hints.longitude') } })}
        </div>
        ${input('description')}
        ${input('website', { type: 'url', extra: { hint: t('admin:cities.hints.website') } })}
        <div class="form-field">
          <label for="admin-city-joinPolicy">${t('admin:cities.fields.joinPolicy')}</label>
          <select id="admin-city-joinPolicy" @change=${(e) => { this._form = { ...f, joinPolicy: e.target.value }; }}>
            ${['OPEN', 'APPROVAL'].map((p) => html`<option value=${p} ?selected=${f.joinPolicy === p}>
              ${t(`admin:cities.joinPolicies.${p}`)}</option>`)}
          </select>
          ${fieldError(err, 'joinPolicy', 'admin-city-joinPolicy-error')}
        </div>
        ${err && !err.problem?.errors?.length ? errorBox(err) : nothing}
        <div class="form-actions">
          <button type="submit" class="primary" ?disabled=${this._saving} data-testid="admin-city-save">
            ${isNew ? t('admin:cities.create') : t('common:actions.save')}</button>
          <button type="button" @click=${this._close}>${t('common:actions.close')}</button>
        </div>
      </form>
      ${isNew ? html`<p class="muted">${t('admin:cities.designationsAfter')}</p>` : this._renderDesignations(city)}
    </section>`;
  }

  _renderDesignations(city) {
    const d = this._designation;
    const err = this._designationError;
    return html`<h3>${t('admin:cities.designations.title')}</h3>
      ${city.designations?.length ? html`<ul class="admin-designations" data-testid="admin-city-designations">
        ${city.designations.map((x) => html`<li>${String(x.year)} — ${fieldName({ slug: x.field, name: x.fieldName })}</li>`)}
      </ul>` : html`<p class="muted">${t('admin:cities.designations.none')}</p>`}
      <form class="admin-form-row admin-designation-form" @submit=${this._designate} novalidate>
        <div class="form-field">
          <label for="admin-designation-field">${t('admin:cities.designations.field')}</label>
          <select id="admin-designation-field" data-testid="admin-designation-field"
            aria-invalid=${err?.fieldErrors?.field ? 'true' : 'false'} aria-describedby="admin-designation-field-error"
            @change=${(e) => { this._designation = { ...d, field: e.target.value }; }}>
            <option value="" ?selected=${!d.field}>${t('admin:cities.designations.choose')}</option>
            ${this._fields.map((x) => html`<option value=${x.slug} ?selected=${d.field === x.slug}>${fieldName(x)}</option>`)}
          </select>
          ${fieldError(err, 'field', 'admin-designation-field-error')}
        </div>
        <div class="form-field">
          <label for="admin-designation-year">${t('admin:cities.designations.year')}</label>
          <input id="admin-designation-year" type="number" min="2004" max="2100" .value=${d.year}
            data-testid="admin-designation-year" aria-invalid=${err?.fieldErrors?.year ? 'true' : 'false'}
            aria-describedby="admin-designation-year-error"
            @input=${(e) => { this._designation = { ...d, year: e.target.value }; }}>
          ${fieldError(err, 'year', 'admin-designation-year-error')}
        </div>
        <div class="form-actions admin-designation-submit">
          <button type="submit" class="primary" data-testid="admin-designation-add">
            ${t('admin:cities.designations.add')}</button>
        </div>
      </form>
      ${err && !err.problem?.errors?.length ? errorBox(err) : nothing}
      <p class="muted">${t('admin:cities.members', { count: city.memberCount })}</p>`;
  }
}

customElements.define('ccc-admin-cities', AdminCities);
