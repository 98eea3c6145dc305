// The works of the network (/works): filters by city, creative field and status (a field's page is
// /works?field=<slug>), the list, a "start a work" button and the Atom feed of the chosen city or field.
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { t } from '../core/i18n.js';
import { api } from '../core/api.js';
import { currentUser } from '../core/session.js';
import { navigate } from '../core/router.js';
import { fieldName } from '../core/fields.js';
import { setTitle, pageReady } from '../core/view.js';
import { allCities } from '../components/acct-util.js';
import '../components/work-list.js';

class WorksPage extends CccElement {
  static properties = {
    query: { attribute: false },
    _fields: { state: true },
    _cities: { state: true },
  };

  constructor() {
    super();
    this.query = new URLSearchParams();
    this._fields = [];
    this._cities = [];
  }

  sessionChanged() {
    this.requestUpdate();
  }

  async connectedCallback() {
    super.connectedCallback();
    try {
      [this._fields, this._cities] = await Promise.all([api('/fields'), allCities()]);
    } catch {
      // The filters stay free text; the list reports its own errors.
    }
    await this.updateComplete;
    pageReady(this);
  }

  _filters() {
    const f = {};
    for (const k of ['city', 'field', 'status', 'author']) {
      const v = this.query.get(k);
      if (v) f[k] = v;
    }
    return f;
  }

  _set(key, value) {
    const q = new URLSearchParams(this.query);
    if (value) q.set(key, value);
    else q.delete(key);
    navigate(`/works${q.toString() ? `?${q}` : ''}`, { replace: true });
  }

  render() {
    setTitle(t('works:list.title'));
    const f = this._filters();
    const feed = f.city ? `/feeds/cities/${encodeURIComponent(f.city)}.atom`
      : f.field ? `/feeds/fields/${encodeURIComponent(f.field)}.atom` : null;
    return html`<section class="page stack" data-testid="works-page">
      <header class="page-head">
        <h1>${t('works:list.title')}</h1>
        <p>${t('works:list.intro')}</p>
        ${currentUser() ? html`<p><a class="button" href="/works/new">${t('works:list.new')}</a></p>` : nothing}
      </header>
      <form class="filters" aria-label=${t('works:list.filters')} @submit=${(e) => e.preventDefault()}>
        <label>${t('works:list.city')}
          <select name="city" @change=${(e) => this._set('city', e.target.value)}>
            <option value="">${t('works:list.anyCity')}</option>
            ${this._cities.map((c) => html`<option value=${c.slug} ?selected=${f.city === c.slug}>${c.name}</option>`)}
          </select></label>
        <label>${t('works:list.field')}
          <select name="field" @change=${(e) => this._set('field', e.target.value)}>
            <option value="">${t('works:list.anyField')}</option>
            ${this._fields.map((x) => html`<option value=${x.slug} ?selected=${f.field === x.slug}>${fieldName(x)}</option>`)}
          </select></label>
        ${currentUser() ? html`<label>${t('works:list.status')}
          <select name="status" @change=${(e) => this._set('status', e.target.value)}>
            <option value="">${t('works:list.anyStatus')}</option>
            <option value="published" ?selected=${f.status === 'published'}>${t('works:list.published')}</option>
            <option value="draft" ?selected=${f.status === 'draft'}>${t('works:list.draft')}</option>
          </select></label>` : nothing}
      </form>
      ${feed ? html`<p><a href=${feed} type="application/atom+xml">${t('works:list.feed')}</a></p>` : nothing}
      <ccc-work-list .filters=${f}></ccc-work-list>
    </section>`;
  }
}

customElements.define('ccc-works-page', WorksPage);
