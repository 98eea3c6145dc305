// The expertise directory (/people): practitioners found by skill (an expertise tag), creative field, city and
// language, plus free text on name and bio. Every filter and the page live in the address, so a search can be
// shared, bookmarked and followed with the browser's back button.
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { t } from '../core/i18n.js';
import { api } from '../core/api.js';
import { navigate } from '../core/router.js';
import { notifyError } from '../core/notify.js';
import { fieldColor, fieldName } from '../core/fields.js';
import { loading, errorBox, empty, setTitle, pageReady, pager } from '../core/view.js';
import { languageName, languageOptions, allCities } from '../components/acct-util.js';
import { markdownText } from '../core/markdown.js';

const FILTERS = ['q', 'tag', 'field', 'city', 'language'];
const PAGE_SIZE = 20;

class PeoplePage extends CccElement {
  static properties = {
    query: { attribute: false },
    _result: { state: true },
    _error: { state: true },
    _fields: { state: true },
    _cities: { state: true },
  };

  constructor() {
    super();
    this.query = new URLSearchParams();
    this._result = null;
    this._error = null;
    this._fields = [];
    this._cities = [];
    this._ready = false;
  }

  connectedCallback() {
    super.connectedCallback();
    // The router creates a new page element for each address, so the query is read once per search.
    this._search();
    api('/fields').then((f) => { this._fields = f; }).catch(notifyError);
    allCities().then((c) => { this._cities = c; }).catch(notifyError);
  }

  get _filters() {
    const out = {};
    for (const k of FILTERS) out[k] = this.query?.get(k) || '';
    return out;
  }

  get _page() {
    const p = Number.parseInt(this.query?.get('page') || '1', 10);
    return Number.isFinite(p) && p > 0 ? p : 1;
  }

  async _search() {
    this._error = null;
    this._result = null;
    try {
      this._result = await api('/people', { query: { ...this._filters, page: this._page, size: PAGE_SIZE } });
    } catch (e) {
      this._error = e;
    }
    await this.updateComplete;
    if (!this._ready) {
      this._ready = true;
      pageReady(this);
    }
  }

  _go(filters, page = 1) {
    const params = new URLSearchParams();
    for (const k of FILTERS) if (filters[k]) params.set(k, filters[k]);
    if (page > 1) params.set('page', String(page));
    const qs = params.toString();
    navigate(`/people${qs ? `?${qs}` : ''}`);
  }

  _submit(event) {
    event.preventDefault();
    const data = new FormData(event.target);
    const filters = {};
    for (const k of FILTERS) filters[k] = String(data.get(k) || '').trim();
    this._go(filters);
  }

  render() {
    setTitle(t('people:directory.title'));
    const f = this._filters;
    const active = FILTERS.some((k) => f[k]);
    return html`<section class="page acct-people">
      <h1>${t('people:directory.title')}</h1>
      <p class="muted">${t('people:directory.intro')}</p>
      <form class="card acct-filters" role="search" @submit=${this._submit} data-testid="people-filters"
            aria-label=${t('people:directory.filters')}>
        <div class="form-field">
          <label for="people-tag">${t('people:filters.tag')}</label>
          <input id="people-tag" name="tag" .value=${f.tag} maxlength="50" aria-describedby="people-tag-hint">
          <p class="form-hint" id="people-tag-hint">${t('people:filters.tagHint')}</p>
        </div>
        <div class="form-field">
          <label for="people-field">${t('people:filters.field')}</label>
          <select id="people-field" name="field">
            <option value="">${t('people:filters.anyField')}</option>
            ${this._fields.map((x) => html`<option value=${x.slug} ?selected=${x.slug === f.field}>${fieldName(x)}</option>`)}
          </select>
        </div>
        <div class="form-field">
          <label for="people-city">${t('people:filters.city')}</label>
          <select id="people-city" name="city">
            <option value="">${t('people:filters.anyCity')}</option>
            ${f.city && !this._cities.some((c) => c.slug === f.city) ? html`<option value=${f.city} selected>${f.city}</option>` : nothing}
            ${this._cities.map((c) => html`<option value=${c.slug} ?selected=${c.slug === f.city}>${c.name}</option>`)}
          </select>
        </div>
        <div class="form-field">
          <label for="people-language">${t('people:filters.language')}</label>
          <select id="people-language" name="language">
            <option value="">${t('people:filters.anyLanguage')}</option>
            ${languageOptions(f.language ? [f.language] : []).map((o) => html`<option value=${o.code}
                ?selected=${o.code === f.language}>${o.name}</option>`)}
          </select>
        </div>
        <div class="form-field">
          <label for="people-q">${t('people:filters.q')}</label>
          <input id="people-q" name="q" type="search" .value=${f.q} maxlength="100">
        </div>
        <div class="form-actions acct-filter-actions">
          <button class="primary" type="submit" data-testid="people-search">${t('common:actions.search')}</button>
          ${active ? html`<a class="button" href="/people">${t('people:directory.clear')}</a>` : nothing}
        </div>
      </form>
      <div aria-live="polite" data-testid="people-results">${this._renderResults()}</div>
    </section>`;
  }

  _renderResults() {
    if (this._error) {
      return html`${errorBox(this._error)}
        <p><button type="button" @click=${() => this._search()}>${t('common:actions.retry')}</button></p>`;
    }
    const r = this._result;
    if (!r) return loading();
    if (!r.items.length) return empty(t('people:directory.none'));
    return html`<p class="muted" data-testid="people-count">${t('people:directory.count', { count: r.total })}</p>
      <ul class="grid acct-people-grid">${r.items.map((p) => html`<li>${personCard(p)}</li>`)}</ul>
      ${pager(r, (page) => this._go(this._filters, page))}`;
  }
}

/** A practitioner's card in the directory. */
function personCard(p) {
  const bio = markdownText(p.bio);
  return html`<article class="card acct-person-card" data-testid="person-card" data-id=${p.id}>
    <h2 class="acct-person-name"><a href="/people/${p.id}">${p.displayName}</a></h2>
    ${p.homeCity ? html`<p class="muted acct-small">${t('people:person.homeCity', { city: p.homeCity.name })}</p>` : nothing}
    ${bio ? html`<p class="acct-bio-excerpt">${bio.length > 180 ? `${bio.slice(0, 177)}…` : bio}</p>` : nothing}
    ${p.fields?.length ? html`<p class="acct-chip-row">${p.fields.map((f) => html`<span class="chip"
        style="background:${fieldColor(f)}">${fieldName({ slug: f, name: f })}</span>`)}</p>` : nothing}
    ${p.expertise?.length ? html`<p class="acct-chip-row" aria-label=${t('people:person.expertise')}>
      ${p.expertise.map((x) => html`<a class="acct-tag acct-tag-link" href=${`/people?tag=${encodeURIComponent(x)}`}>${x}</a>`)}</p>` : nothing}
    ${p.languages?.length ? html`<p class="muted acct-small">${t('people:person.speaks', {
      languages: p.languages.map(languageName).join(', ') })}</p>` : nothing}
    ${p.cities?.length ? html`<p class="muted acct-small">${t('people:person.memberOf', {
      cities: p.cities.map((c) => c.cityName).join(', ') })}</p>` : nothing}
  </article>`;
}

customElements.define('ccc-people-page', PeoplePage);
