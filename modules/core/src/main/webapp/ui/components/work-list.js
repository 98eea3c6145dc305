// A list of works as cards (title, kind, attribution, licence, fields), from GET /api/works with the given filters.
// Used by the works page, and as a small "recent works" section on the home, city and person pages.
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { t, formatRelative } from '../core/i18n.js';
import { api } from '../core/api.js';
import { fieldColor } from '../core/fields.js';
import { loading, errorBox, empty, pager } from '../core/view.js';
import { kindLabel } from './work-kind.js';

/** One work's card. */
export function workCard(w) {
  return html`<li class="card work-card" data-testid="work-card">
    <h3><a href="/works/${w.id}">${w.title}</a></h3>
    <p class="muted">${kindLabel(w.kind)} · ${t(`works:status.${w.status.toLowerCase()}`)}
      · ${t('works:work.version', { n: w.version })} · ${formatRelative(w.publishedAt || w.updatedAt)}</p>
    ${w.summary ? html`<p>${w.summary}</p>` : nothing}
    <p class="work-attribution">${w.attribution}</p>
    <p>${w.licence ? html`<a class="licence" href=${w.licence.url} rel="license noopener" target="_blank">${w.licence.spdx}</a>`
      : nothing}
      ${(w.fields || []).map((f) => html`<a class="chip" style="background:${fieldColor(f)}"
        href=${`/works?field=${encodeURIComponent(f)}`}>${f}</a>`)}</p>
  </li>`;
}

/**
 * <ccc-work-list filters='{"city":"lyon"}' size="6" heading="…" more="/works?city=lyon">: a section of works.
 * Without a heading it renders only the list (with a pager), as the works page does.
 */
class WorkList extends CccElement {
  static properties = {
    filters: { type: Object },
    size: { type: Number },
    heading: { type: String },
    more: { type: String },
    _result: { state: true },
    _error: { state: true },
  };

  constructor() {
    super();
    this.filters = {};
    this.size = 20;
    this._result = null;
    this._error = null;
    this._page = 1;
  }

  willUpdate(changed) {
    // A page passes its filters as a new object at each render: load again only when they differ.
    const asked = JSON.stringify([this.filters, this.size]);
    if ((changed.has('filters') || changed.has('size')) && asked !== this._asked) {
      this._asked = asked;
      this._page = 1;
      this._load();
    }
  }

  sessionChanged() {
    this._load();
  }

  async _load() {
    this._error = null;
    try {
      this._result = await api('/works', { query: { ...this.filters, page: this._page, size: this.size } });
    } catch (e) {
      this._error = e;
    }
  }

  render() {
    const r = this._result;
    const list = this._error ? errorBox(this._error) : !r ? loading()
      : r.items.length === 0 ? empty(t('works:list.none'))
        : html`<ul class="work-list" data-testid="work-list">${r.items.map(workCard)}</ul>
          ${this.heading ? nothing : pager(r, (n) => { this._page = n; this._load(); })}`;
    if (!this.heading) return list;
    return html`<section class="stack" aria-label=${this.heading}>
      <h2>${this.heading}</h2>
      ${list}
      ${this.more && r?.total > r?.items.length ? html`<p><a href=${this.more}>${t('works:list.all')}</a></p>` : nothing}
    </section>`;
  }
}

customElements.define('ccc-work-list', WorkList);
