// A practitioner's public profile (/people/:id): bio (Markdown, rendered and sanitised as messages are), home city,
// creative fields, expertise and languages (each a
// link back into the directory), and the cities whose community they belong to.
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { t } from '../core/i18n.js';
import { api } from '../core/api.js';
import { currentUser } from '../core/session.js';
import { fieldColor, fieldName } from '../core/fields.js';
import { loading, errorBox, empty, setTitle, pageReady } from '../core/view.js';
import { languageName } from '../components/acct-util.js';
import { markdownHtml } from '../core/markdown.js';
import '../components/work-list.js';

class PersonPage extends CccElement {
  static properties = {
    params: { attribute: false },
    _person: { state: true },
    _fields: { state: true },
    _error: { state: true },
  };

  constructor() {
    super();
    this.params = {};
    this._person = null;
    this._fields = [];
    this._error = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this._load();
  }

  async _load() {
    this._error = null;
    const id = this.params?.id;
    try {
      if (!/^\d+$/.test(id || '')) {
        this._error = { message: t('people:person.notFound') };
      } else {
        const [person, fields] = await Promise.all([api(`/people/${id}`), api('/fields')]);
        this._fields = fields;
        this._person = person;
      }
    } catch (e) {
      this._error = e.status === 404 ? { message: t('people:person.notFound') } : e;
    }
    await this.updateComplete;
    pageReady(this);
  }

  _fieldLabel(slug) {
    return fieldName(this._fields.find((f) => f.slug === slug) || { slug, name: slug });
  }

  render() {
    if (this._error) {
      setTitle(t('people:person.title'));
      return html`<section class="page"><h1>${t('people:person.title')}</h1>${errorBox(this._error)}
        <p><a href="/people">${t('people:person.back')}</a></p></section>`;
    }
    const p = this._person;
    if (!p) return html`<section class="page">${loading()}</section>`;
    setTitle(p.displayName);
    const mine = currentUser()?.id === p.id;
    return html`<article class="page acct-person" data-testid="person">
      <p><a href="/people">${t('people:person.back')}</a></p>
      <header class="acct-profile-head">
        <div class="acct-avatar" aria-hidden="true">${[...p.displayName][0]?.toLocaleUpperCase()}</div>
        <div>
          <h1>${p.displayName}</h1>
          ${p.homeCity ? html`<p class="muted">${t('people:person.homeCityLabel')}
              <a href="/cities/${p.homeCity.slug}">${p.homeCity.name}</a></p>` : nothing}
          ${mine ? html`<p><a class="button" href="/me">${t('people:person.edit')}</a></p>` : nothing}
        </div>
      </header>
      <div class="acct-columns">
        <section class="card stack" aria-labelledby="person-about">
          <h2 id="person-about">${t('people:person.about')}</h2>
          ${p.bio?.trim() ? html`<div class="acct-bio" data-testid="person-bio">${markdownHtml(p.bio)}</div>`
            : empty(t('people:person.noBio'))}
          <h3>${t('people:person.fields')}</h3>
          ${p.fields?.length ? html`<ul class="acct-chips">${p.fields.map((f) => html`<li><a class="chip"
              style="background:${fieldColor(f)}" href=${`/people?field=${encodeURIComponent(f)}`}>${this._fieldLabel(f)}</a></li>`)}</ul>`
            : empty(t('people:person.none'))}
          <h3>${t('people:person.expertise')}</h3>
          ${p.expertise?.length ? html`<ul class="acct-chips" data-testid="person-expertise">${p.expertise.map((x) => html`<li>
              <a class="acct-tag acct-tag-link" href=${`/people?tag=${encodeURIComponent(x)}`}>${x}</a></li>`)}</ul>`
            : empty(t('people:person.none'))}
          <h3>${t('people:person.languages')}</h3>
          ${p.languages?.length ? html`<ul class="acct-chips" data-testid="person-languages">${p.languages.map((l) => html`<li>
              <a class="acct-tag acct-tag-link" href=${`/people?language=${encodeURIComponent(l)}`}>${languageName(l)}</a></li>`)}</ul>`
            : empty(t('people:person.none'))}
        </section>
        <section class="card">
          <ccc-work-list .filters=${{ author: p.id }} size="6" heading=${t('works:list.byPerson')}
            more=${`/works?author=${p.id}`} data-testid="person-works"></ccc-work-list>
        </section>
        <section class="card stack" aria-labelledby="person-cities">
          <h2 id="person-cities">${t('people:person.cities')}</h2>
          ${p.cities?.length ? html`<ul class="acct-list">${p.cities.map((c) => html`<li class="acct-membership">
              <a href="/cities/${c.city}">${c.cityName}</a>
              ${c.role === 'COORDINATOR' ? html`<span class="badge">${t('people:person.coordinator')}</span>` : nothing}</li>`)}</ul>`
            : empty(t('people:person.noCities'))}
        </section>
      </div>
    </article>`;
  }
}

customElements.define('ccc-person-page', PersonPage);
