// The network's events: /events (the coming occurrences grouped by month, in the reader's own time zone, with RSVP
// buttons, "add to my calendar" and a form to create or propose one; /events?view=month&month=2026-12 shows a month
// grid instead, see month-grid.js) and /events/:id (one event).
import { html, nothing } from 'lit';
import { CccElement } from '/ui/core/element.js';
import { api } from '/ui/core/api.js';
import { t, locale } from '/ui/core/i18n.js';
import { currentUser } from '/ui/core/session.js';
import { navigate } from '/ui/core/router.js';
import { errorBox, loading, pageReady, setTitle } from '/ui/core/view.js';
import { safeMessageHtml } from '/ui/core/safe-html.js';
import { allCities } from '/ui/components/acct-util.js';
import { fieldName } from '/ui/core/fields.js';
import './month-grid.js';

const READER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** When, in the reader's zone, with the zone's short name. */
function when(start, end) {
  // dateStyle and timeStyle cannot be combined with timeZoneName: the parts are named one by one.
  const f = new Intl.DateTimeFormat(locale(), { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit',
    minute: '2-digit', timeZoneName: 'short' });
  return `${f.format(new Date(start))} – ${f.format(new Date(end))}`;
}

function monthOf(start) {
  return new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric' }).format(new Date(start));
}

function place(p) {
  if (!p) return '';
  if (p.kind === 'online') return t('events:place.online');
  return [p.address, p.city?.name].filter(Boolean).join(', ');
}

function rsvpText(r) {
  if (!r?.status) return '';
  if (r.status === 'waiting') return t('events:rsvp.waiting', { position: r.position });
  return t(`events:rsvp.is.${r.status}`);
}

/** RSVP buttons for one event; the answer (and a waiting-list position) is announced. */
function rsvpButtons(host, id, mine) {
  if (!currentUser()) return nothing;
  return html`<div class="row" role="group" aria-label=${t('events:rsvp.label')} data-testid="event-rsvp">
    ${['going', 'interested', 'not_going'].map((s) => html`<button type="button" data-status=${s}
      aria-pressed=${String(mine === s || (s === 'going' && mine === 'waiting'))}
      @click=${() => host._rsvp(id, s)}>${t(`events:rsvp.${s}`)}</button>`)}
  </div>`;
}

class EventsPage extends CccElement {
  static properties = { _list: { state: true }, _error: { state: true }, _answers: { state: true },
    _cities: { state: true }, _fields: { state: true }, _formError: { state: true }, _loaded: { state: true } };

  constructor() {
    super();
    this._answers = new Map();
    this._cities = [];
    this._fields = [];
    this.query = new URLSearchParams();
  }

  /** "month" or "list" (the default), from the address. */
  get _view() {
    return this.query.get('view') === 'month' ? 'month' : 'list';
  }

  async connectedCallback() {
    super.connectedCallback();
    setTitle(t('events:list.title'));
    try {
      [this._list, this._cities, this._fields] = await Promise.all([
        this._view === 'list' ? api('/events') : null, allCities(), api('/fields')]);
    } catch (e) {
      this._error = e;
    }
    this._loaded = true;
    await this.updateComplete;
    if (this._view === 'list' || this._error) pageReady(this);
  }

  async _rsvp(id, status) {
    try {
      const answer = await api(`/events/${id}/rsvp`, { method: 'PUT', body: { status } });
      this._answers = new Map(this._answers).set(id, answer);
    } catch (e) {
      this._error = e;
    }
  }

  async _create(e) {
    e.preventDefault();
    const f = new FormData(e.target);
    const kind = f.get('placeKind');
    const body = { title: f.get('title'), description: f.get('description'), start: f.get('start'),
      end: f.get('end'), timeZone: f.get('timeZone'), cities: [f.get('city')],
      fields: f.get('field') ? [f.get('field')] : [],
      place: { kind, city: kind === 'online' ? undefined : f.get('city'), address: f.get('address') || undefined },
      capacity: f.get('capacity') ? Number(f.get('capacity')) : undefined, rrule: f.get('rrule') || undefined };
    try {
      const created = await api('/events', { method: 'POST', body });
      navigate(`/events/${created.id}`);
    } catch (err) {
      this._formError = err;
    }
  }

  _groups() {
    const groups = new Map();
    for (const o of this._list?.items ?? []) {
      const m = monthOf(o.start);
      if (!groups.has(m)) groups.set(m, []);
      groups.get(m).push(o);
    }
    return [...groups];
  }

  _item(o) {
    const answer = this._answers.get(o.id);
    const mine = answer ? answer.status : o.myRsvp;
    return html`<li class="card stack" data-testid="event-item" data-id=${o.id}>
      <h3><a href="/events/${o.id}">${o.title}</a></h3>
      <p><time datetime=${o.start}>${when(o.start, o.end)}</time> · ${place(o.place)}</p>
      ${rsvpButtons(this, o.id, mine)}
      <p role="status" data-testid="event-rsvp-status">${answer ? rsvpText(answer) : ''}</p>
      <p><a href=${o.ics} type="text/calendar" data-testid="event-ics">${t('events:ics')}</a></p>
    </li>`;
  }

  _form() {
    if (!currentUser()) return nothing;
    return html`<form class="stack card" data-testid="event-form" aria-labelledby="event-form-title"
        @submit=${(e) => this._create(e)}>
      <h2 id="event-form-title">${t('events:form.title')}</h2>
      <p>${t('events:form.intro')}</p>
      <label>${t('events:form.name')} <input name="title" required maxlength="200"></label>
      <label>${t('events:form.description')} <textarea name="description" rows="4"></textarea></label>
      <label>${t('events:form.start')} <input name="start" type="datetime-local" required></label>
      <label>${t('events:form.end')} <input name="end" type="datetime-local" required></label>
      <label>${t('events:form.zone')} <input name="timeZone" required value=${READER_ZONE}></label>
      <label>${t('events:form.city')} <select name="city" required>
        ${this._cities.map((c) => html`<option value=${c.slug}>${c.name}</option>`)}</select></label>
      <label>${t('events:form.field')} <select name="field"><option value="">—</option>
        ${this._fields.map((x) => html`<option value=${x.slug}>${fieldName(x)}</option>`)}</select></label>
      <label>${t('events:form.placeKind')} <select name="placeKind">
        <option value="city">${t('events:place.city')}</option>
        <option value="address">${t('events:place.address')}</option>
        <option value="online">${t('events:place.online')}</option></select></label>
      <label>${t('events:form.address')} <input name="address" maxlength="500"></label>
      <label>${t('events:form.capacity')} <input name="capacity" type="number" min="1"></label>
      <label>${t('events:form.rrule')} <input name="rrule" placeholder="FREQ=WEEKLY;COUNT=4"></label>
      ${this._formError ? errorBox(this._formError) : nothing}
      <p><button type="submit">${t('events:form.submit')}</button></p>
    </form>`;
  }

  /** The "Month | List" switch: links, so that the view is in the address. */
  _switch() {
    const view = this._view;
    return html`<nav aria-label=${t('events:view.label')} data-testid="events-view">
      <ul class="view-switch">
        <li><a href="/events?view=month" aria-current=${view === 'month' ? 'page' : nothing}
          data-view="month">${t('events:view.month')}</a></li>
        <li><a href="/events" aria-current=${view === 'list' ? 'page' : nothing}
          data-view="list">${t('events:view.list')}</a></li>
      </ul></nav>`;
  }

  _listView() {
    const groups = this._groups();
    return html`${groups.length === 0 ? html`<p>${t('events:list.none')}</p>` : nothing}
      ${groups.map(([month, items]) => html`<section aria-label=${month} data-testid="event-month">
        <h2>${month}</h2><ul class="stack plain">${items.map((o) => this._item(o))}</ul></section>`)}`;
  }

  render() {
    if (this._error) return errorBox(this._error);
    if (!this._loaded) return loading();
    return html`<section class="page stack" data-testid="events-page">
      <header class="page-head"><h1>${t('events:list.title')}</h1>
        <p>${t('events:list.zone', { zone: READER_ZONE })}</p>${this._switch()}</header>
      ${this._view === 'month' ? html`<ccc-events-month .month=${this.query.get('month') || ''}
        @month-loaded=${() => pageReady(this)}></ccc-events-month>` : this._listView()}
      ${this._form()}
    </section>`;
  }
}

class EventPage extends CccElement {
  static properties = { params: { attribute: false }, _event: { state: true }, _error: { state: true },
    _decided: { state: true } };

  async connectedCallback() {
    super.connectedCallback();
    await this._load();
    pageReady(this);
  }

  async _load() {
    try {
      this._event = await api(`/events/${encodeURIComponent(this.params.id)}`);
      this._error = null;
    } catch (e) {
      this._error = e;
    }
  }

  async _rsvp(id, status) {
    try {
      await api(`/events/${id}/rsvp`, { method: 'PUT', body: { status } });
      await this._load();
    } catch (e) {
      this._error = e;
    }
  }

  async _decide(decision) {
    try {
      this._event = await api(`/events/${this._event.id}/approval`, { method: 'POST', body: { decision } });
      this._decided = decision;
    } catch (e) {
      this._error = e;
    }
  }

  /** Approve and decline, for coordinators of an organising city while the event is a proposal. */
  _approval(e) {
    if (e.status !== 'proposed' || !e.canDecide) {
      return this._decided ? html`<p role="status" data-testid="event-decided">
        ${t(`events:approval.done.${this._decided}`)}</p>` : nothing;
    }
    return html`<div class="row" role="group" aria-label=${t('events:approval.label')}
        data-testid="event-approval">
      <button type="button" data-decision="approve" @click=${() => this._decide('approve')}>
        ${t('events:approval.approve')}</button>
      <button type="button" data-decision="decline" @click=${() => this._decide('decline')}>
        ${t('events:approval.decline')}</button>
    </div>`;
  }

  render() {
    if (this._error) return errorBox(this._error);
    const e = this._event;
    if (!e) return loading();
    setTitle(e.title);
    return html`<article class="page stack" data-testid="event-page">
      <h1>${e.title}</h1>
      <p data-testid="event-status">${t(`events:status.${e.status}`)}</p>
      ${this._approval(e)}
      <p><time datetime=${e.start}>${when(e.start, e.end)}</time></p>
      <p>${t('events:organiserTime', { time: `${e.localStart.replace('T', ' ')}`, zone: e.timeZone })}</p>
      <p>${place(e.place)} · ${e.cities.map((c) => c.name).join(', ')}</p>
      <div>${safeMessageHtml(e.descriptionHtml)}</div>
      <p data-testid="event-counts">${t('events:counts', { going: e.going, capacity: e.capacity ?? '∞',
        waiting: e.waiting })}</p>
      ${rsvpButtons(this, e.id, e.myRsvp?.status)}
      <p role="status" data-testid="event-rsvp-status">${rsvpText(e.myRsvp)}</p>
      <p><a href=${e.ics} type="text/calendar" data-testid="event-ics">${t('events:ics')}</a></p>
      ${e.room ? html`<p><a href="/rooms/${e.room}" data-testid="event-room">${t('events:room')}</a></p>` : nothing}
    </article>`;
  }
}

customElements.define('ccc-events-page', EventsPage);
customElements.define('ccc-event-page', EventPage);
