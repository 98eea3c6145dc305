// <ccc-film-page>: the film plugin's page of a city (/cities/:slug/modules/film). Lists the city's screenings with
// their watch parties; coordinators and administrators plan screenings, delete them and open a screening's watch
// party (a live room of kind watch-party in the city's community space), which everyone can then join.
//
// Properties set by the plugin page: city (the slug), user (the signed-in person or null).
import { html, nothing } from 'lit';
import { CccElement } from '/ui/core/element.js';
import { t, formatDateTime, formatNumber } from '/ui/core/i18n.js';
import { api } from '/ui/core/api.js';
import { canManage } from '/ui/core/session.js';
import { navigate } from '/ui/core/router.js';
import { notify, notifyError } from '/ui/core/notify.js';
import { loading, errorBox, empty, fieldError } from '/ui/core/view.js';
import { filmReady } from './common.js';

export class FilmPage extends CccElement {
  /** Tells the plugin page to wait for `ccc-plugin-page-ready`, sent once the screenings are shown. */
  static dispatchesReady = true;

  static properties = {
    city: {},
    user: { attribute: false },
    _ready: { state: true },
    _screenings: { state: true },
    _error: { state: true },
    _formError: { state: true },
    _saving: { state: true },
    _opening: { state: true },
  };

  constructor() {
    super();
    this._ready = false;
    this._screenings = null;
  }

  connectedCallback() {
    super.connectedCallback();
    filmReady().then(() => { this._ready = true; });
  }

  willUpdate(changed) {
    if (changed.has('city') && this.city) this._load();
  }

  get _base() {
    return `/plugins/film/cities/${encodeURIComponent(this.city)}/screenings`;
  }

  async _load() {
    this._error = null;
    try {
      const [list] = await Promise.all([api(this._base), filmReady().then(() => { this._ready = true; })]);
      this._screenings = list.sort((a, b) => String(a.startsAt).localeCompare(String(b.startsAt)));
    } catch (e) {
      this._error = e;
      this._screenings = [];
      await filmReady();
      this._ready = true;
    }
    await this.updateComplete;
    this.dispatchEvent(new CustomEvent('ccc-plugin-page-ready', { bubbles: true }));
  }

  get _manager() {
    return !!this.user && canManage(this.city);
  }

  async _create(e) {
    e.preventDefault();
    const form = e.target;
    const data = new FormData(form);
    const startsAt = data.get('startsAt') ? new Date(data.get('startsAt')).toISOString() : '';
    const body = {
      title: data.get('title').trim(),
      year: Number(data.get('year')),
      startsAt,
      description: data.get('description').trim(),
    };
    const runtime = data.get('runtimeMinutes');
    if (runtime) body.runtimeMinutes = Number(runtime);
    const videoUrl = data.get('videoUrl').trim();
    if (videoUrl) body.videoUrl = videoUrl;
    this._saving = true;
    this._formError = null;
    try {
      await api(this._base, { method: 'POST', body });
      form.reset();
      notify(t('film:page.created'), 'success');
      await this._load();
    } catch (error) {
      this._formError = error;
    } finally {
      this._saving = false;
    }
  }

  async _delete(screening) {
    if (!confirm(t('film:page.deleteConfirm', { title: screening.title }))) return;
    try {
      await api(`${this._base}/${encodeURIComponent(screening.id)}`, { method: 'DELETE' });
      notify(t('film:page.deleted'), 'success');
      await this._load();
    } catch (error) {
      notifyError(error);
    }
  }

  /** Asks for the screening's watch party, creates its room in the city's community space and goes there. */
  async _openParty(screening) {
    this._opening = screening.id;
    try {
      const party = await api(`${this._base}/${encodeURIComponent(screening.id)}/watch-party`, { method: 'POST' });
      const spaces = await api('/spaces', { query: { city: this.city } });
      const space = spaces.find((s) => s.slug === `city-${this.city}`) || spaces.find((s) => s.canManage);
      if (!space) throw new Error(t('film:page.noSpace'));
      const room = await api(`/spaces/${space.id}/rooms`, {
        method: 'POST', body: { name: party.name, kind: party.kind, attributes: party.attributes },
      });
      navigate(`/rooms/${room.id}`);
    } catch (error) {
      notifyError(error);
      await this._load();
    } finally {
      this._opening = null;
    }
  }

  _screening(s) {
    const link = s.watchParty;
    const open = link?.status === 'open' && link.roomId;
    return html`<li class="card film-screening" data-testid="film-screening" data-id=${s.id}>
      <h3>${s.title} <span class="muted">(${s.year})</span></h3>
      <p class="film-screening-meta">
        <span>${t('film:page.startsAt', { date: formatDateTime(s.startsAt) })}</span>
        ${s.runtimeMinutes ? html`<span>${t('film:page.runtime', { count: s.runtimeMinutes })}</span>` : nothing}
        <span class="badge film-badge">${s.videoUrl ? t('film:page.video') : t('film:page.noVideo')}</span>
        ${open ? html`<span class="badge film-badge-open">${t('film:page.partyOpen')}</span>` : nothing}
      </p>
      ${s.description ? html`<p>${s.description}</p>` : nothing}
      <div class="row">
        ${open ? html`<a class="button button-primary" href="/rooms/${link.roomId}" data-testid="film-join">
            ${t('film:page.join')}</a>` : nothing}
        ${!open && this._manager ? html`<button type="button" class="primary" data-testid="film-open-party"
            ?disabled=${this._opening === s.id} @click=${() => this._openParty(s)}>
            ${this._opening === s.id ? t('film:page.opening') : t('film:page.openParty')}</button>` : nothing}
        ${this._manager ? html`<button type="button" class="danger" @click=${() => this._delete(s)}>
            ${t('film:page.delete')}</button>` : nothing}
      </div>
    </li>`;
  }

  _form() {
    const e = this._formError;
    const thisYear = new Date().getFullYear();
    const field = (name, label, input, hint) => html`<div class="form-field">
      <label for="film-${name}">${label}</label>
      ${input}
      ${hint ? html`<p class="form-hint" id="film-${name}-hint">${hint}</p>` : nothing}
      ${fieldError(e, name, `film-${name}-error`)}
    </div>`;
    return html`<section class="card" aria-labelledby="film-create-title">
      <h2 id="film-create-title">${t('film:page.create')}</h2>
      <form class="form" @submit=${this._create} data-testid="film-create">
        ${field('title', t('film:page.fields.title'),
          html`<input id="film-title" name="title" required maxlength="200">`)}
        ${field('year', t('film:page.fields.year'),
          html`<input id="film-year" name="year" type="number" required min="1888" max=${thisYear + 5}
            .value=${String(thisYear)}>`)}
        ${field('startsAt', t('film:page.fields.startsAt'),
          html`<input id="film-startsAt" name="startsAt" type="datetime-local" required
            aria-describedby="film-startsAt-hint">`, t('film:page.fields.startsAtHint'))}
        ${field('runtimeMinutes', t('film:page.fields.runtime'),
          html`<input id="film-runtimeMinutes" name="runtimeMinutes" type="number" min="1" max="1000">`)}
        ${field('videoUrl', t('film:page.fields.videoUrl'),
          html`<input id="film-videoUrl" name="videoUrl" type="url" maxlength="2000" inputmode="url"
            aria-describedby="film-videoUrl-hint">`, t('film:page.fields.videoUrlHint'))}
        ${field('description', t('film:page.fields.description'),
          html`<textarea id="film-description" name="description" maxlength="2000"></textarea>`)}
        ${e ? errorBox(e) : nothing}
        <div class="form-actions">
          <button type="submit" class="primary" ?disabled=${this._saving}>
            ${this._saving ? t('film:page.saving') : t('film:page.submit')}</button>
        </div>
      </form>
    </section>`;
  }

  render() {
    if (!this._ready || this._screenings === null) return loading();
    return html`<div class="stack" data-testid="film-page">
      <p class="muted">${t('film:page.intro')}</p>
      ${this._error ? errorBox(this._error) : nothing}
      <section aria-labelledby="film-screenings-title">
        <h2 id="film-screenings-title">${t('film:page.screenings')}
          <span class="muted">(${formatNumber(this._screenings.length)})</span></h2>
        ${this._screenings.length ? html`<ul class="film-screenings">${this._screenings.map((s) => this._screening(s))}</ul>`
          : this._error ? nothing : empty(t('film:page.none'))}
      </section>
      ${this._manager ? this._form() : nothing}
    </div>`;
  }
}

customElements.define('ccc-film-page', FilmPage);
