// Admin console: a plugin's settings form, generated from the settings schema it declared (integer → number with its
// range, boolean → checkbox, enum → select, list → one value per line, secret → password), network-wide or for one
// city. Labels and help come from the plugin's message bundles in the UI's language (the server falls back to English
// and never sends a bare key). The server validates; its message for each invalid value is shown under that field.
// <ccc-city-module-settings> (city-module-settings.js) reuses the form for a city's coordinators.
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { api } from '../core/api.js';
import { t, formatNumber, countryName } from '../core/i18n.js';
import { notify } from '../core/notify.js';
import { loading, errorBox } from '../core/view.js';
import { loadAllCities } from './admin-common.js';

/** The form's value for a setting's JSON value. */
function toForm(setting) {
  const v = setting.value;
  if (setting.secret) return '';
  if (setting.type === 'BOOLEAN') return v === true;
  if (setting.type === 'LIST') return (v || []).join('\n');
  return v === undefined || v === null ? '' : String(v);
}

/** The JSON value to send for a form value. */
function fromForm(type, value) {
  if (type === 'BOOLEAN') return value;
  if (type === 'LIST') return value.split('\n').map((s) => s.trim()).filter((s) => s);
  if (type === 'INTEGER' && /^-?\d{1,15}$/.test(value.trim())) return Number(value.trim());
  return value;
}

export class AdminPluginSettings extends CccElement {
  static properties = {
    plugin: { attribute: false },
    _scope: { state: true },
    _cities: { state: true },
    _view: { state: true },
    _form: { state: true },
    _error: { state: true },
    _loadError: { state: true },
    _saving: { state: true },
  };

  constructor() {
    super();
    this._scope = '';
    this._cities = [];
    this._view = null;
    this._form = {};
    this._error = null;
    this._loadError = null;
    this._saving = false;
  }

  connectedCallback() {
    super.connectedCallback();
    if (this._scoped) loadAllCities().then((cities) => { this._cities = cities; }, (e) => { this._loadError = e; });
    this._reloadTexts = () => this._load();
    window.addEventListener('ccc-locale-changed', this._reloadTexts);
    this._loadFirst();
  }

  /** Loads the settings when the element is attached (the admin console sets `plugin` before). */
  _loadFirst() {
    this._load();
  }

  disconnectedCallback() {
    window.removeEventListener('ccc-locale-changed', this._reloadTexts);
    super.disconnectedCallback();
  }

  /** Whether the form offers the network-wide scope and every city (the admin console) or one city only. */
  get _scoped() {
    return true;
  }

  get _base() {
    return `/admin/plugins/${encodeURIComponent(this.plugin.id)}/settings`;
  }

  get _query() {
    return { city: this._scope };
  }

  get _name() {
    return this.plugin.module?.name || this.plugin.id;
  }

  get _schema() {
    return Object.fromEntries((this.plugin.module?.settings || []).map((s) => [s.key, s]));
  }

  async _load() {
    this._view = null;
    try {
      const view = await api(this._base, { query: this._query });
      this._view = view;
      this._form = Object.fromEntries(view.settings.map((s) => [s.key, toForm(s)]));
      this._loadError = null;
    } catch (e) {
      this._loadError = e;
    }
  }

  _changes() {
    const values = {};
    for (const s of this._view.settings) {
      const now = this._form[s.key];
      if (s.secret ? now !== '' : now !== toForm(s)) values[s.key] = fromForm(s.type, now);
    }
    return values;
  }

  async _put(values) {
    this._saving = true;
    this._error = null;
    try {
      this._view = await api(this._base, { method: 'PUT', body: { values }, query: this._query });
      this._form = Object.fromEntries(this._view.settings.map((s) => [s.key, toForm(s)]));
      notify(t('admin:settings.saved', { name: this._name }), 'success');
    } catch (e) {
      this._error = e;
      await this.updateComplete;
      this.querySelector('[aria-invalid=true]')?.focus();
    } finally {
      this._saving = false;
    }
  }

  _save(event) {
    event.preventDefault();
    const values = this._changes();
    if (!Object.keys(values).length) {
      notify(t('admin:settings.unchanged'));
      return;
    }
    this._put(values);
  }

  _changeScope(event) {
    this._scope = event.target.value;
    this._error = null;
    this._load();
  }

  _renderScope() {
    const scopeId = `admin-settings-scope-${this._id}`;
    return html`<div class="form-field">
        <label for=${scopeId}>${t('admin:settings.scope')}</label>
        <select id=${scopeId} data-testid="admin-settings-scope" @change=${this._changeScope}>
          <option value="" ?selected=${this._scope === ''}>${t('admin:settings.networkWide')}</option>
          ${this._cities.map((c) => html`<option value=${c.slug} ?selected=${this._scope === c.slug}>${c.name}
            (${countryName(c.country)})</option>`)}
        </select>
        <p class="form-hint">${t('admin:settings.scopeHint')}</p>
      </div>`;
  }

  get _id() {
    return this.plugin.id;
  }

  render() {
    return html`<form class="form admin-settings" @submit=${this._save} novalidate data-testid="admin-settings">
      ${this._scoped ? html`<h4>${t('admin:settings.title', { name: this._name })}</h4>${this._renderScope()}`
        : nothing}
      ${this._loadError ? errorBox(this._loadError) : !this._view ? loading() : html`
        ${this._error && !this._error.problem?.errors?.length ? errorBox(this._error) : nothing}
        ${this._error?.problem?.errors?.length ? html`<p class="error-box" role="alert">${this._error.message}</p>` : nothing}
        ${this._view.settings.map((s) => this._renderField(s))}
        <div class="form-actions">
          <button type="submit" class="primary" ?disabled=${this._saving} data-testid="admin-settings-save">
            ${t('common:actions.save')}</button>
        </div>`}
    </form>`;
  }

  _renderField(setting) {
    const declared = this.plugin ? this._schema[setting.key] || {} : {};
    const schema = { min: setting.min ?? declared.min, max: setting.max ?? declared.max,
      pattern: setting.pattern ?? declared.pattern, options: setting.options?.length ? setting.options : declared.options };
    const label = setting.label || declared.label || setting.key;
    const id = `admin-setting-${this._id}-${setting.key}`;
    const error = this._error?.fieldErrors?.[`values.${setting.key}`];
    const describedBy = `${id}-hint${error ? ` ${id}-error` : ''}`;
    const value = this._form[setting.key];
    const set = (v) => { this._form = { ...this._form, [setting.key]: v }; };
    let control;
    if (setting.type === 'BOOLEAN') {
      control = html`<div class="admin-check"><input type="checkbox" id=${id} .checked=${value === true}
        aria-describedby=${describedBy} aria-invalid=${error ? 'true' : 'false'} data-testid=${`admin-setting-${setting.key}`}
        @change=${(e) => set(e.target.checked)}><label for=${id} data-testid=${`admin-setting-label-${setting.key}`}
        >${label}</label></div>`;
    } else if (setting.type === 'ENUM') {
      control = html`<select id=${id} aria-describedby=${describedBy} aria-invalid=${error ? 'true' : 'false'}
        data-testid=${`admin-setting-${setting.key}`} @change=${(e) => set(e.target.value)}>
        ${(schema.options || []).map((o) => html`<option value=${o} ?selected=${o === value}>${o}</option>`)}
      </select>`;
    } else if (setting.type === 'LIST') {
      control = html`<textarea id=${id} rows="3" .value=${value} aria-describedby=${describedBy}
        aria-invalid=${error ? 'true' : 'false'} data-testid=${`admin-setting-${setting.key}`}
        @input=${(e) => set(e.target.value)}></textarea>`;
    } else {
      const type = setting.secret ? 'password' : setting.type === 'INTEGER' ? 'number' : 'text';
      control = html`<input id=${id} type=${type} .value=${value} aria-describedby=${describedBy}
        aria-invalid=${error ? 'true' : 'false'} data-testid=${`admin-setting-${setting.key}`}
        autocomplete=${setting.secret ? 'new-password' : 'off'}
        placeholder=${setting.secret && setting.value ? t('admin:settings.secretSet') : ''}
        min=${setting.type === 'INTEGER' && schema.min != null ? schema.min : nothing}
        max=${setting.type === 'INTEGER' && schema.max != null ? schema.max : nothing}
        @input=${(e) => set(e.target.value)}>`;
    }
    const inherited = this._scope ? setting.source === 'city' : setting.source === 'global';
    return html`<div class="form-field admin-setting">
      ${setting.type === 'BOOLEAN' ? nothing : html`<label for=${id}
        data-testid=${`admin-setting-label-${setting.key}`}>${label}</label>`}
      ${control}
      <p class="form-hint" id=${`${id}-hint`}>${this._hint(setting, schema)}</p>
      ${error ? html`<p class="field-error" id=${`${id}-error`} data-testid=${`admin-setting-error-${setting.key}`}>
        ${error}</p>` : nothing}
      ${inherited ? html`<div><button type="button" class="button-link" ?disabled=${this._saving}
        @click=${() => this._put({ [setting.key]: null })}>${this._scope ? t('admin:settings.resetCity')
          : t('admin:settings.resetGlobal')}</button></div>` : nothing}
    </div>`;
  }

  _hint(setting, schema) {
    const parts = [setting.help ?? setting.description];
    if (setting.type === 'INTEGER' && schema.min != null && schema.max != null) {
      parts.push(t('admin:settings.range', { min: formatNumber(schema.min), max: formatNumber(schema.max) }));
    } else if ((setting.type === 'STRING' || setting.type === 'LIST') && schema.max != null) {
      parts.push(t(setting.type === 'LIST' ? 'admin:settings.listSize' : 'admin:settings.length',
        { min: formatNumber(schema.min ?? 0), max: formatNumber(schema.max) }));
    }
    if (setting.type === 'LIST') parts.push(t('admin:settings.onePerLine'));
    if (schema.pattern) parts.push(t('admin:settings.pattern', { pattern: schema.pattern }));
    if (setting.secret) parts.push(t('admin:settings.secretHint'));
    if (this._scoped && setting.changeableBy === 'CITY_COORDINATOR') parts.push(t('admin:settings.coordinatorsMayChange'));
    parts.push(t(`admin:settings.sources.${setting.source}`));
    return parts.filter((p) => p).join(' · ');
  }
}

customElements.define('ccc-admin-plugin-settings', AdminPluginSettings);
