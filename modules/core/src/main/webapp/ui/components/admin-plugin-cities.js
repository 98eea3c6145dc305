// Admin console: where a plugin is on. Every city (network-wide), only chosen cities, or every city except chosen
// ones (the server keeps an allow-list, so the exceptions are turned into the list of every other current city).
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { api } from '../core/api.js';
import { t, countryName } from '../core/i18n.js';
import { notify } from '../core/notify.js';
import { loading, errorBox } from '../core/view.js';
import { loadAllCities, fold } from './admin-common.js';

const MAX_MATCHES = 8;

class AdminPluginCities extends CccElement {
  static properties = {
    plugin: { attribute: false },
    _cities: { state: true },
    _mode: { state: true },
    _chosen: { state: true },
    _search: { state: true },
    _error: { state: true },
    _saving: { state: true },
  };

  constructor() {
    super();
    this._cities = null;
    this._mode = 'all';
    this._chosen = [];
    this._search = '';
    this._error = null;
    this._saving = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this._load();
  }

  async _load() {
    try {
      const [placement, cities] = await Promise.all([
        api(`/admin/plugins/${encodeURIComponent(this.plugin.id)}/cities`), loadAllCities()]);
      this._cities = cities;
      if (placement.networkWide) {
        this._mode = 'all';
        this._chosen = [];
      } else if (placement.cities.length > cities.length / 2) {
        // Mostly on: show it the way it was most likely meant, as "everywhere except".
        const on = new Set(placement.cities);
        this._mode = 'except';
        this._chosen = cities.filter((c) => !on.has(c.slug)).map((c) => c.slug);
      } else {
        this._mode = 'only';
        this._chosen = [...placement.cities];
      }
      this._error = null;
    } catch (e) {
      this._error = e;
    }
  }

  get _name() {
    return this.plugin.module?.name || this.plugin.id;
  }

  _city(slug) {
    return this._cities.find((c) => c.slug === slug) || { slug, name: slug, country: { code: '' } };
  }

  _add(slug) {
    if (!this._chosen.includes(slug)) this._chosen = [...this._chosen, slug];
    this._search = '';
    this.querySelector('.admin-city-search input')?.focus();
  }

  _remove(slug) {
    this._chosen = this._chosen.filter((s) => s !== slug);
  }

  async _save(event) {
    event.preventDefault();
    const body = this._mode === 'all' ? { networkWide: true, cities: [] }
      : this._mode === 'only' ? { networkWide: false, cities: this._chosen }
        : { networkWide: false, cities: this._cities.map((c) => c.slug).filter((s) => !this._chosen.includes(s)) };
    this._saving = true;
    this._error = null;
    try {
      const placement = await api(`/admin/plugins/${encodeURIComponent(this.plugin.id)}/cities`,
        { method: 'PUT', body });
      notify(placement.networkWide ? t('admin:placement.savedAll', { name: this._name })
        : t('admin:placement.saved', { name: this._name, count: placement.cities.length }), 'success');
      this.dispatchEvent(new CustomEvent('admin-placement-changed', { detail: placement }));
    } catch (e) {
      this._error = e;
    } finally {
      this._saving = false;
    }
  }

  render() {
    if (!this._cities) return this._error ? errorBox(this._error) : loading();
    const id = `admin-placement-${this.plugin.id}`;
    const radio = (mode, label, hint) => html`<div class="admin-radio">
      <input type="radio" name=${id} id=${`${id}-${mode}`} value=${mode} .checked=${this._mode === mode}
        data-testid=${`admin-placement-${mode}`} aria-describedby=${`${id}-${mode}-hint`}
        @change=${() => { this._mode = mode; }}>
      <label for=${`${id}-${mode}`}>${label}</label>
      <p class="form-hint" id=${`${id}-${mode}-hint`}>${hint}</p>
    </div>`;
    return html`<form class="form admin-placement" @submit=${this._save} data-testid="admin-placement">
      <fieldset>
        <legend>${t('admin:placement.legend', { name: this._name })}</legend>
        ${radio('all', t('admin:placement.all'), t('admin:placement.allHint'))}
        ${radio('only', t('admin:placement.only'), t('admin:placement.onlyHint'))}
        ${radio('except', t('admin:placement.except'), t('admin:placement.exceptHint'))}
      </fieldset>
      ${this._mode === 'all' ? nothing : this._renderPicker(id)}
      ${errorBox(this._error)}
      <div class="form-actions">
        <button type="submit" class="primary" ?disabled=${this._saving} data-testid="admin-placement-save">
          ${t('common:actions.save')}</button>
      </div>
    </form>`;
  }

  _renderPicker(id) {
    const query = fold(this._search.trim());
    const matches = query ? this._cities.filter((c) => !this._chosen.includes(c.slug)
      && (fold(c.name).includes(query) || fold(c.country?.name).includes(query) || fold(countryName(c.country)).includes(query) || c.slug.includes(query)))
      .slice(0, MAX_MATCHES) : [];
    const label = this._mode === 'only' ? t('admin:placement.chosenOnly') : t('admin:placement.chosenExcept');
    return html`<div class="stack">
      <div>
        <h4 id=${`${id}-chosen`}>${label}</h4>
        ${this._chosen.length ? html`<ul class="admin-chips" aria-labelledby=${`${id}-chosen`} data-testid="admin-placement-chosen">
          ${this._chosen.map((slug) => {
            const city = this._city(slug);
            return html`<li class="admin-chip"><span>${city.name}</span>
              <button type="button" class="admin-chip-remove" aria-label=${t('admin:placement.remove', { city: city.name })}
                @click=${() => this._remove(slug)}>×</button></li>`;
          })}
        </ul>` : html`<p class="muted">${this._mode === 'only' ? t('admin:placement.noneChosenOnly')
          : t('admin:placement.noneChosenExcept')}</p>`}
      </div>
      <div class="form-field admin-city-search">
        <label for=${`${id}-search`}>${t('admin:placement.search')}</label>
        <input id=${`${id}-search`} type="search" autocomplete="off" .value=${this._search}
          data-testid="admin-placement-search" aria-describedby=${`${id}-matches`}
          @input=${(e) => { this._search = e.target.value; }}
          @keydown=${(e) => { if (e.key === 'Enter') { e.preventDefault(); if (matches[0]) this._add(matches[0].slug); } }}>
        <p class="visually-hidden" id=${`${id}-matches`} aria-live="polite">
          ${query ? t('admin:placement.matches', { count: matches.length }) : ''}</p>
        ${matches.length ? html`<ul class="admin-matches" data-testid="admin-placement-matches">
          ${matches.map((c) => html`<li><button type="button" class="button-link" @click=${() => this._add(c.slug)}>
            ${t('admin:placement.add', { city: c.name, country: countryName(c.country) })}</button></li>`)}
        </ul>` : nothing}
      </div>
    </div>`;
  }
}

customElements.define('ccc-admin-plugin-cities', AdminPluginCities);
