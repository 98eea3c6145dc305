// The city directory: free-text search, filters (field, country, designation year), sort and pagination. The
// whole state lives in the address (?q=&field=&country=&year=&sort=&page=), so reload, back and forward and
// shared links show the same list.
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { api } from '../core/api.js';
import { t, locale, countryName } from '../core/i18n.js';
import { fieldName } from '../core/fields.js';
import { fieldChip, failed } from '../components/net-view.js';
import { loading, errorBox, empty, pager, setTitle, pageReady } from '../core/view.js';
import '../components/work-list.js';

const KEYS = ['q', 'field', 'country', 'year', 'sort', 'page'];
const SORTS = ['name', '-name', 'country', '-country', '-year', 'year'];
const PAGE_SIZE = 24;
const SEARCH_DELAY = 250;

export class CitiesPage extends CccElement {
  static properties = {
    query: { attribute: false },
    _state: { state: true },
    _result: { state: true },
    _fields: { state: true },
    _countries: { state: true },
    _years: { state: true },
    _error: { state: true },
    _optionsError: { state: true },
  };

  constructor() {
    super();
    this._state = {};
    this._request = 0;
  }

  connectedCallback() {
    super.connectedCallback();
    const q = this.query || new URLSearchParams(location.search);
    this._state = Object.fromEntries(KEYS.map((k) => [k, q.get(k) || '']));
    setTitle(t('cities:title'));
    this._loadOptions();
    this._load(true);
  }

  disconnectedCallback() {
    clearTimeout(this._typing);
    this._abort?.abort();
    super.disconnectedCallback();
  }

  async _loadOptions() {
    try {
      const [fields, stats] = await Promise.all([api('/fields'), api('/stats')]);
      this._fields = fields;
      this._countries = [...stats.citiesPerCountry].sort((a, b) => a.name.localeCompare(b.name));
      this._years = Object.keys(stats.designationsPerYear).map(Number).sort((a, b) => b - a);
    } catch (e) {
      this._optionsError = e;
    }
  }

  async _load(first = false) {
    const request = ++this._request;
    this._abort?.abort();
    this._abort = new AbortController();
    const s = this._state;
    this._error = null;
    try {
      const result = await api('/cities', { signal: this._abort.signal, query: {
        q: s.q.trim(), field: s.field, country: s.country, year: s.year, sort: s.sort, page: s.page || 1,
        size: PAGE_SIZE } });
      if (request !== this._request) return;
      this._result = result;
    } catch (e) {
      if (e.name === 'AbortError' || request !== this._request) return;
      this._error = e;
    }
    if (first) {
      await this.updateComplete;
      pageReady(this);
    }
  }

  /** Changes the state, writes it into the address (a new history entry unless `replace`) and reloads. */
  _set(changes, { replace = false } = {}) {
    this._state = { ...this._state, page: '', ...changes };
    const params = new URLSearchParams();
    for (const k of KEYS) if (this._state[k]) params.set(k, this._state[k]);
    const search = params.toString();
    const url = location.pathname + (search ? `?${search}` : '');
    if (replace) history.replaceState({}, '', url);
    else history.pushState({}, '', url);
    this._load();
  }

  _onSearch(e) {
    const value = e.target.value;
    clearTimeout(this._typing);
    this._typing = setTimeout(() => this._set({ q: value }, { replace: this._state.q !== '' }), SEARCH_DELAY);
  }

  _submit(e) {
    e.preventDefault();
    clearTimeout(this._typing);
    this._set({ q: new FormData(e.target).get('q') || '' });
  }

  _select(name, label, options, value) {
    const id = `cities-${name}`;
    return html`<div class="form-field">
      <label for=${id}>${label}</label>
      <select id=${id} name=${name} data-testid="filter-${name}"
              @change=${(e) => this._set({ [name]: e.target.value })}>
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
      </select>
    </div>`;
  }

  _filters() {
    const s = this._state;
    const fields = this._fields || [];
    const any = [['', t('cities:filters.any')]];
    // Keep a value from the address selectable while the options load.
    const keep = (list, v) => (v && !list.some(([x]) => x === v) ? [...list, [v, v]] : list);
    return html`<form class="net-filters card" role="search" @submit=${this._submit}
                      aria-label=${t('cities:filters.label')}>
      <div class="form-field net-search">
        <label for="cities-q">${t('cities:filters.search')}</label>
        <input id="cities-q" name="q" type="search" .value=${s.q} maxlength="100" autocomplete="off"
               data-testid="city-search" placeholder=${t('cities:filters.searchHint')} @input=${this._onSearch}>
      </div>
      ${this._select('field', t('cities:filters.field'),
        keep([...any, ...fields.map((f) => [f.slug, fieldName(f)])], s.field), s.field)}
      ${this._select('country', t('cities:filters.country'),
        keep([...any, ...(this._countries || []).map((c) => [c.code, countryName(c)])
          .sort((a, b) => a[1].localeCompare(b[1], locale()))], s.country), s.country)}
      ${this._select('year', t('cities:filters.year'),
        keep([...any, ...(this._years || []).map((y) => [String(y), String(y)])], s.year), s.year)}
      ${this._select('sort', t('cities:filters.sort'),
        SORTS.map((k) => [k === 'name' ? '' : k, t(`cities:sort.${k}`)]), s.sort)}
      <div class="form-actions net-filter-actions">
        <button type="submit" class="primary">${t('common:actions.search')}</button>
        ${KEYS.some((k) => k !== 'page' && s[k]) ? html`<button type="button" data-testid="clear-filters"
          @click=${() => this._set({ q: '', field: '', country: '', year: '', sort: '' })}>
          ${t('cities:filters.clear')}</button>` : nothing}
      </div>
    </form>`;
  }

  _results() {
    if (this._error) {
      return failed(this._error, () => this._load());
    }
    const r = this._result;
    if (!r) return loading();
    return html`
      <p class="net-count" role="status" aria-live="polite" data-testid="result-count">
        ${t('cities:count', { count: r.total })}</p>
      ${r.items.length ? html`<ul class="net-city-list" data-testid="city-results">
        ${r.items.map((c) => html`<li class="card net-city-card">
          <h2><a href="/cities/${encodeURIComponent(c.slug)}">${c.name}</a></h2>
          <p class="muted">${countryName(c.country)}</p>
          <p class="row">${fieldChip(c.field, this._fields)}
            ${c.joinedYear ? html`<span class="muted">${t('cities:since', { year: String(c.joinedYear) })}</span>`
              : nothing}</p>
        </li>`)}
      </ul>` : empty(t('cities:none'))}
      ${pager(r, (n) => { this._set({ page: n > 1 ? String(n) : '' }); window.scrollTo(0, 0); })}`;
  }

  render() {
    return html`<div class="page net-directory">
      <header>
        <h1>${t('cities:title')}</h1>
        <p class="muted">${t('cities:intro')}</p>
      </header>
      ${this._optionsError ? errorBox(this._optionsError) : nothing}
      ${this._filters()}
      <section aria-label=${t('cities:results')}>${this._results()}</section>
      ${this._state.field ? html`<ccc-work-list .filters=${{ field: this._state.field, status: 'published' }} size="6"
        heading=${t('works:list.ofField')} more=${`/works?field=${encodeURIComponent(this._state.field)}`}
        data-testid="field-works"></ccc-work-list>` : nothing}
    </div>`;
  }
}
customElements.define('ccc-cities-page', CitiesPage);
