// A city's brand page: its name, country and creative fields with the designation history, description and
// website, coordinators and members, joining (acct's <ccc-city-membership>), its spaces and rooms (live's
// <ccc-city-spaces>) and the domain modules it has enabled.
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { api } from '../core/api.js';
import { t, formatDate, formatNumber, countryName } from '../core/i18n.js';
import { loading, empty, pager, setTitle, pageReady } from '../core/view.js';
import { fieldChip, failed } from '../components/net-view.js';
import { settled } from '../core/pending.js';
import '../components/work-list.js';

const MEMBERS_PAGE = 30;

// The embedded components belong to other areas; each is loaded on its own so that one missing or failing
// module never takes the city page down with it. The page shows its header at once and the rest when every part
// has arrived (core/pending.js): parts appearing one after another pushed the ones below them down (CLS 0.08-0.14).
// The brand page (<ccc-city-brand>) is the city pages module's (modules/citypages).
const EMBEDDED = [() => import('../components/city-membership.js'), () => import('../components/city-spaces.js'),
  () => import('/citypages-ui/city-brand.js')];

export class CityPage extends CccElement {
  static properties = {
    params: { attribute: false },
    _city: { state: true },
    _fields: { state: true },
    _error: { state: true },
    _members: { state: true },
    _membersError: { state: true },
    _modules: { state: true },
    _modulesError: { state: true },
    _settled: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this._slug = this.params?.slug;
    this._settled = false;
    this._parts = EMBEDDED.map((load) => load().catch((e) => console.warn('city page: embedded component', e)));
    this._load();
  }

  sessionChanged() {
    this._loadCity();
  }

  async _load() {
    await this._loadCity();
    await this.updateComplete;
    if (!this._city) pageReady(this);
    const own = this._city ? [this._loadMembers(1), this._loadModules()] : [];
    await settled([...this._parts, ...own]);
    this._settled = true;
    // Shown whole: the shell's first view of the city (its name and page, CityShellPage) gives way to it at once.
    await this.updateComplete;
    if (this._city) pageReady(this);
  }

  async _loadCity() {
    this._error = null;
    try {
      const [city, fields] = await Promise.all([api(`/cities/${encodeURIComponent(this._slug)}`), api('/fields')]);
      this._city = city;
      this._fields = fields;
      setTitle(city.name);
    } catch (e) {
      this._error = e;
      setTitle(e.status === 404 ? t('city:unknown.title') : t('common:errors.pageFailed'));
    }
  }

  async _loadMembers(page) {
    this._membersError = null;
    try {
      this._members = await api(`/cities/${encodeURIComponent(this._slug)}/members`,
        { query: { page, size: MEMBERS_PAGE } });
    } catch (e) {
      this._membersError = e;
    }
  }

  async _loadModules() {
    this._modulesError = null;
    try {
      this._modules = await api(`/cities/${encodeURIComponent(this._slug)}/modules`);
    } catch (e) {
      this._modulesError = e;
    }
  }

  _header(c) {
    return html`<header class="net-city-header">
      <p class="net-eyebrow muted">${countryName(c.country)}</p>
      <h1>${c.name}</h1>
      <p class="row">
        ${fieldChip(c.field, this._fields)}
        ${c.designations.length ? html`<span class="muted">${t('city:memberSince',
          { year: String(Math.min(...c.designations.map((d) => d.year))) })}</span>` : nothing}
        <span class="muted" data-testid="member-count">${t('city:memberCount', { count: c.memberCount })}</span>
      </p>
      ${c.retired ? html`<p class="notice" role="status" data-testid="retired-notice">
        ${c.retiredAt ? t('city:retired.since', { date: formatDate(c.retiredAt) }) : t('city:retired.text')}</p>`
        : nothing}
    </header>`;
  }

  _about(c) {
    return html`<section class="card" aria-labelledby="city-about">
      <h2 id="city-about">${t('city:about.title')}</h2>
      ${c.description ? html`<p class="net-description">${c.description}</p>`
        : c.retired ? html`<p class="muted">${t('city:about.noDescription')}</p>` : nothing}
      ${c.website ? html`<p><a href=${c.website} rel="noopener noreferrer external" target="_blank"
          data-testid="website">${t('city:about.website')}<span class="visually-hidden">
          ${t('city:about.newTab')}</span></a></p>` : nothing}
      ${c.latitude !== null && c.latitude !== undefined ? html`<p class="muted">${t('city:about.coordinates', {
        lat: formatNumber(Number(c.latitude), { maximumFractionDigits: 2 }),
        lon: formatNumber(Number(c.longitude), { maximumFractionDigits: 2 }) })}</p>` : nothing}
    </section>`;
  }

  _history(c) {
    const latestFirst = [...c.designations].sort((a, b) => b.year - a.year);
    return html`<section class="card" aria-labelledby="city-history">
      <h2 id="city-history">${t('city:history.title')}</h2>
      ${latestFirst.length ? html`<ol class="net-timeline" data-testid="designations" reversed>
        ${latestFirst.map((d, i) => html`<li>
          <span class="net-timeline-year">${String(d.year)}</span>
          ${fieldChip(d.field, this._fields)}
          ${i === 0 && !c.retired ? html`<span class="badge">${t('city:history.current')}</span>` : nothing}
        </li>`)}
      </ol>` : empty(t('city:history.none'))}
    </section>`;
  }

  _people(c) {
    const m = this._members;
    return html`<section class="card" aria-labelledby="city-people">
      <h2 id="city-people">${t('city:people.title')}</h2>
      <h3>${t('city:people.coordinators')}</h3>
      ${c.coordinators.length ? html`<ul class="net-people" data-testid="coordinators">
        ${c.coordinators.map((p) => html`<li><a href="/people/${p.accountId}">${p.displayName}</a></li>`)}
      </ul>` : empty(t('city:people.noCoordinators'))}
      <h3>${t('city:people.members')}</h3>
      ${this._membersError ? failed(this._membersError, () => this._loadMembers(1))
        : !m ? loading()
        : m.items.length ? html`<ul class="net-people" data-testid="members">
            ${m.items.map((p) => html`<li><a href="/people/${p.accountId}">${p.displayName}</a>
              ${p.role === 'COORDINATOR' ? html`<span class="badge">${t('city:people.coordinator')}</span>`
                : nothing}</li>`)}
          </ul>
          ${pager(m, (n) => this._loadMembers(n))}`
        : empty(t('city:people.noMembers'))}
    </section>`;
  }

  _modulesSection() {
    const list = this._modules;
    return html`<section class="card" aria-labelledby="city-modules">
      <h2 id="city-modules">${t('city:modules.title')}</h2>
      ${this._modulesError ? failed(this._modulesError, () => this._loadModules())
        : !list ? loading()
        : list.length ? html`<ul class="net-modules" data-testid="modules">
            ${list.map((mod) => html`<li>
              <a href="/cities/${encodeURIComponent(this._slug)}/modules/${encodeURIComponent(mod.id)}"
                 ><strong>${mod.name}</strong></a>
              ${mod.description ? html`<p class="muted">${mod.description}</p>` : nothing}
            </li>`)}
          </ul>`
        : empty(t('city:modules.none'))}
    </section>`;
  }

  render() {
    if (this._error) {
      if (this._error.status === 404) {
        return html`<div class="page" data-testid="unknown-city">
          <h1>${t('city:unknown.title')}</h1>
          <p>${t('city:unknown.text', { slug: this._slug })}</p>
          <p><a href="/cities">${t('city:unknown.directory')}</a></p>
        </div>`;
      }
      return html`<div class="page"><h1>${t('common:errors.pageFailed')}</h1>
        ${failed(this._error, () => this._load())}</div>`;
    }
    const c = this._city;
    if (!c) return loading();
    return html`<div class="page net-city" data-testid="city-page">
      ${this._header(c)}
      <div class="net-city-layout ${this._settled ? '' : 'net-settling'}" aria-busy=${String(!this._settled)}>
        <div class="stack net-city-main">
          ${c.retired ? nothing : html`<ccc-city-brand slug=${c.slug}></ccc-city-brand>`}
          ${this._about(c)}
          ${c.retired ? nothing : html`<section class="card" aria-labelledby="city-spaces">
            <h2 id="city-spaces">${t('city:spaces.title')}</h2>
            <ccc-city-spaces slug=${c.slug}></ccc-city-spaces>
          </section>`}
          <section class="card">
            <ccc-work-list .filters=${{ city: c.slug, status: 'published' }} size="6" heading=${t('works:list.ofCity')}
              more=${`/works?city=${encodeURIComponent(c.slug)}`} data-testid="city-works"></ccc-work-list>
          </section>
          ${this._modulesSection()}
        </div>
        <aside class="stack net-city-side" aria-label=${t('city:side')}>
          ${c.retired ? nothing : html`<section class="card" aria-labelledby="city-join">
            <h2 id="city-join">${t('city:join.title')}</h2>
            <ccc-city-membership slug=${c.slug} .city=${c}></ccc-city-membership>
          </section>`}
          ${this._history(c)}
          ${this._people(c)}
        </aside>
      </div>
    </div>`;
  }
}
customElements.define('ccc-city-page', CityPage);
