// The network's home page: totals, cities per field and per country, the world map and recent activity.
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { api } from '../core/api.js';
import { t, formatNumber, countryName } from '../core/i18n.js';
import { fieldColor, fieldName } from '../core/fields.js';
import { loading, setTitle, pageReady } from '../core/view.js';
import { failed } from '../components/net-view.js';
import { nextTask } from '../core/pending.js';
import '../components/net-activity.js';
import '../components/work-list.js';

// The map's module brings the map's projected drawing (world-paths.js): it loads alongside the data, and the page
// renders once both are there, so that the map takes its place at once instead of pushing the charts down when it arrives (a layout shift).
const worldMap = () => import('../components/world-map.js');

/** How many countries the chart shows before "all countries". */
const TOP_COUNTRIES = 12;
/** The page is drawn in parts: the heading, totals and map; the charts; the lists (and the other countries). */
const LAST_STAGE = 2;

export class HomePage extends CccElement {
  static properties = {
    _stats: { state: true },
    _fields: { state: true },
    _points: { state: true },
    _error: { state: true },
    _stage: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    setTitle('');
    this._load();
  }

  async _load() {
    this._error = null;
    this._stage = 0;
    try {
      [this._stats, this._fields, this._points] = await Promise.all([api('/stats'), api('/fields'),
        api('/stats/map'), worldMap()]);
    } catch (e) {
      this._error = e;
    }
    await this.updateComplete;
    pageReady(this);
    // The charts, then the lists, each in a task of its own below what is drawn: drawn with the rest they made one
    // long task (Lighthouse's Total Blocking Time); added at the end of the page, they move nothing in sight.
    for (let stage = 1; stage <= LAST_STAGE && !this._error; stage++) {
      await nextTask();
      this._stage = stage;
      await this.updateComplete;
    }
  }

  _totals() {
    const s = this._stats;
    const designations = Object.values(s.designationsPerYear).reduce((a, b) => a + b, 0);
    const items = [
      ['cities', s.cities], ['countries', s.countries], ['fields', this._fields.length],
      ['designations', designations],
    ];
    return html`<ul class="net-totals" data-testid="totals">
      ${items.map(([key, value]) => html`<li class="card">
        <span class="net-total-value" data-testid="total-${key}">${formatNumber(value)}</span>
        <span class="net-total-label">${t(`home:totals.${key}`, { count: value })}</span>
      </li>`)}
    </ul>`;
  }

  _perField() {
    const per = this._stats.citiesPerField;
    const max = Math.max(1, ...Object.values(per));
    return html`<section class="card" aria-labelledby="net-per-field">
      <h2 id="net-per-field">${t('home:perField.title')}</h2>
      <ul class="net-bars" data-testid="per-field">
        ${this._fields.map((f) => {
          const n = per[f.slug] || 0;
          return html`<li>
            <a class="net-bar-label" href="/cities?field=${encodeURIComponent(f.slug)}">${fieldName(f)}</a>
            <span class="net-bar-track" aria-hidden="true">
              <span class="net-bar" style="width:${(n / max) * 100}%;background:${fieldColor(f.slug)}"></span>
            </span>
            <span class="net-bar-value">${t('home:perField.value', { count: n })}</span>
          </li>`;
        })}
      </ul>
    </section>`;
  }

  _countryRows(rows, max) {
    return rows.map((c) => html`<tr>
      <th scope="row"><a href="/cities?country=${encodeURIComponent(c.code)}">${countryName(c)}</a></th>
      <td class="net-bar-cell">
        <span class="net-bar-track" aria-hidden="true">
          <span class="net-bar" style="width:${(c.cities / max) * 100}%"></span></span>
        <span class="net-num">${formatNumber(c.cities)}</span></td>
    </tr>`);
  }

  _countryTable(rows, max, caption) {
    return html`<div class="table-wrap"><table class="net-country-table">
      <caption class="visually-hidden">${caption}</caption>
      <thead><tr><th scope="col">${t('home:perCountry.country')}</th>
        <th scope="col" class="net-num">${t('home:perCountry.cities')}</th></tr></thead>
      <tbody>${this._countryRows(rows, max)}</tbody>
    </table></div>`;
  }

  _perCountry() {
    const rows = this._stats.citiesPerCountry;
    const max = Math.max(1, ...rows.map((c) => c.cities));
    const top = rows.slice(0, TOP_COUNTRIES);
    const rest = rows.slice(TOP_COUNTRIES);
    return html`<section class="card" aria-labelledby="net-per-country" data-testid="per-country">
      <h2 id="net-per-country">${t('home:perCountry.title')}</h2>
      ${this._countryTable(top, max, t('home:perCountry.top', { count: top.length }))}
      ${rest.length && this._stage >= 2 ? html`<details class="net-more">
        <summary>${t('home:perCountry.more', { count: rest.length })}</summary>
        ${this._countryTable(rest, max, t('home:perCountry.rest', { count: rest.length }))}
      </details>` : nothing}
    </section>`;
  }

  render() {
    const header = html`<header class="net-hero">
      <h1>${t('home:title')}</h1>
      <p class="muted">${t('home:intro')}</p>
    </header>`;
    if (this._error) {
      return html`<div class="page">${header}${failed(this._error, () => this._load())}</div>`;
    }
    if (!this._stats) return html`<div class="page">${header}${loading()}</div>`;
    return html`<div class="page net-home">
      ${header}
      ${this._totals()}
      <section class="card" aria-labelledby="net-map-title">
        <h2 id="net-map-title">${t('home:map.title')}</h2>
        <ccc-world-map .points=${this._points} .fields=${this._fields}></ccc-world-map>
      </section>
      ${this._stage >= 1 ? html`<div class="net-columns" id="net-charts" tabindex="-1">
        ${this._perField()}
        ${this._perCountry()}
      </div>` : nothing}
      ${this._stage >= 2 ? html`<section class="card">
        <ccc-work-list .filters=${{ status: 'published' }} size="6" heading=${t('works:list.recent')} more="/works"
          data-testid="home-works"></ccc-work-list>
      </section>
      <section class="card" aria-labelledby="net-activity-title">
        <h2 id="net-activity-title">${t('home:activity.title')}</h2>
        <ccc-net-activity limit="12"></ccc-net-activity>
      </section>` : nothing}
    </div>`;
  }
}
customElements.define('ccc-home-page', HomePage);
