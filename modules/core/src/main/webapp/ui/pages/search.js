// The search page (/search): one box over works, messages, people and cities, with filters by kind, creative
// field and city. The box, the filters and the page live in the address, so a search can be shared, bookmarked and
// followed with the browser's back button. Hits come ranked from GET /api/search with their snippets as escaped
// text in which only <mark> was added; they are turned into text nodes and <mark> elements here, never parsed as
// HTML.
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { t, translateOr } from '../core/i18n.js';
import { api } from '../core/api.js';
import { navigate } from '../core/router.js';
import { notifyError } from '../core/notify.js';
import { fieldName } from '../core/fields.js';
import { loading, errorBox, empty, setTitle, pageReady, pager } from '../core/view.js';
import { allCities } from '../components/acct-util.js';

const FILTERS = ['q', 'kind', 'field', 'city'];
const KINDS = ['work', 'message', 'person', 'city'];
const PAGE_SIZE = 20;

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#x2F;': '/' };

/** The server's escaped text back to text. */
function unescape(text) {
  return text.replace(/&(amp|lt|gt|quot|#x27|#x2F);/g, (entity) => ENTITIES[entity]);
}

/** A snippet (escaped text with <mark>…</mark> around matches) as text nodes and <mark> elements. */
export function snippetParts(snippet) {
  const parts = [];
  const re = /<mark>(.*?)<\/mark>/gs;
  let last = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    if (m.index > last) parts.push(unescape(snippet.slice(last, m.index)));
    parts.push(html`<mark>${unescape(m[1])}</mark>`);
    last = re.lastIndex;
  }
  if (last < snippet.length) parts.push(unescape(snippet.slice(last)));
  return parts;
}

class SearchPage extends CccElement {
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
    const f = this._filters;
    if (!f.q && !f.kind && !f.field && !f.city) {
      this._result = { items: [], total: 0, page: 1, size: PAGE_SIZE, idle: true };
    } else {
      try {
        this._result = await api('/search', { query: { ...f, page: this._page, size: PAGE_SIZE } });
      } catch (e) {
        this._error = e;
      }
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
    navigate(`/search${qs ? `?${qs}` : ''}`);
  }

  _submit(event) {
    event.preventDefault();
    const data = new FormData(event.target);
    const filters = {};
    for (const k of FILTERS) filters[k] = String(data.get(k) || '').trim();
    this._go(filters);
  }

  render() {
    setTitle(t('search:title'));
    const f = this._filters;
    return html`<section class="page search-page">
      <h1>${t('search:title')}</h1>
      <form class="card acct-filters" role="search" @submit=${this._submit} data-testid="search-form"
            aria-label=${t('search:title')}>
        <div class="form-field">
          <label for="search-q">${t('search:box')}</label>
          <input id="search-q" name="q" type="search" .value=${f.q} maxlength="200"
                 aria-describedby="search-q-hint" data-testid="search-q">
          <p class="form-hint" id="search-q-hint">${t('search:hint')}</p>
        </div>
        <div class="form-field">
          <label for="search-kind">${t('search:kind')}</label>
          <select id="search-kind" name="kind" data-testid="search-kind">
            <option value="">${t('search:anyKind')}</option>
            ${KINDS.map((k) => html`<option value=${k} ?selected=${k === f.kind}>${t(`search:kinds.${k}`)}</option>`)}
          </select>
        </div>
        <div class="form-field">
          <label for="search-field">${t('search:field')}</label>
          <select id="search-field" name="field">
            <option value="">${t('search:anyField')}</option>
            ${this._fields.map((x) => html`<option value=${x.slug} ?selected=${x.slug === f.field}>${fieldName(x)}</option>`)}
          </select>
        </div>
        <div class="form-field">
          <label for="search-city">${t('search:city')}</label>
          <select id="search-city" name="city">
            <option value="">${t('search:anyCity')}</option>
            ${f.city && !this._cities.some((c) => c.slug === f.city) ? html`<option value=${f.city} selected>${f.city}</option>` : nothing}
            ${this._cities.map((c) => html`<option value=${c.slug} ?selected=${c.slug === f.city}>${c.name}</option>`)}
          </select>
        </div>
        <div class="form-actions acct-filter-actions">
          <button class="primary" type="submit" data-testid="search-submit">${t('common:actions.search')}</button>
        </div>
      </form>
      <div aria-live="polite" data-testid="search-results">${this._renderResults()}</div>
    </section>`;
  }

  _renderResults() {
    if (this._error) {
      return html`${errorBox(this._error)}
        <p><button type="button" @click=${() => this._search()}>${t('common:actions.retry')}</button></p>`;
    }
    const r = this._result;
    if (!r) return loading();
    if (r.idle) return nothing;
    if (!r.items.length) return empty(t('search:none'));
    return html`<p class="muted" data-testid="search-count">${t('search:count', { count: r.total })}</p>
      <ol class="search-hits">${r.items.map((h) => html`<li>${hitCard(h)}</li>`)}</ol>
      ${pager(r, (page) => this._go(this._filters, page))}`;
  }
}

/** One hit: its kind, its title as a link, its snippet with the matched words marked. */
function hitCard(h) {
  return html`<article class="card search-hit" data-testid="search-hit" data-kind=${h.kind} data-id=${h.id}>
    <p class="muted acct-small">${translateOr(`search:kinds.${h.kind}`, h.kind)}</p>
    <h2 class="search-hit-title"><a href=${h.url}>${h.title}</a></h2>
    ${h.snippet ? html`<p class="search-snippet" data-testid="search-snippet">${snippetParts(h.snippet)}</p>` : nothing}
  </article>`;
}

customElements.define('ccc-search-page', SearchPage);
