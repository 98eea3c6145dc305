// The network's recent public activity (GET /api/activity): who joined which city, which rooms opened and where
// people are talking, with links to the cities and rooms and times relative to now.
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { api } from '../core/api.js';
import { t, formatRelative, formatDateTime } from '../core/i18n.js';
import { fieldName } from '../core/fields.js';
import { roomName } from '../core/names.js';
import { loading, empty } from '../core/view.js';
import { failed } from './net-view.js';

/** Renders a translated sentence whose {placeholders} are lit templates (links), never HTML from text. */
function sentence(key, parts) {
  const text = t(key);
  return text.split(/(\{\w+\})/).map((piece) => {
    const m = /^\{(\w+)\}$/.exec(piece);
    return m && parts[m[1]] !== undefined ? parts[m[1]] : piece;
  });
}

const cityLink = (city) => html`<a href="/cities/${encodeURIComponent(city.slug)}">${city.name}</a>`;
const roomLink = (room) => html`<a href="/rooms/${room.id}">${roomName(room)}</a>`;

export class NetActivity extends CccElement {
  static properties = {
    limit: { type: Number },
    _events: { state: true },
    _error: { state: true },
  };

  constructor() {
    super();
    this.limit = 12;
    this._events = null;
    this._error = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  /** Loads the feed; resolves when it is shown (or its error is). */
  async load() {
    this._error = null;
    try {
      this._events = await api('/activity', { query: { limit: this.limit } });
    } catch (e) {
      this._error = e;
    }
    this.dispatchEvent(new CustomEvent('net-loaded'));
  }

  _text(e) {
    const where = e.city ? cityLink(e.city) : html`${e.room?.spaceName}`;
    switch (e.kind) {
      case 'CITY_JOINED':
        return sentence('home:activity.cityJoined', { city: cityLink(e.city) });
      case 'MEMBER_JOINED':
        return sentence('home:activity.memberJoined', { person: html`<strong>${e.person}</strong>`,
          city: cityLink(e.city) });
      case 'ROOM_OPENED':
        return sentence('home:activity.roomOpened', { room: roomLink(e.room), space: where });
      case 'DISCUSSION':
        return sentence('home:activity.discussion', { room: roomLink(e.room), space: where });
      default:
        return nothing;
    }
  }

  render() {
    if (this._error) {
      return failed(this._error, () => this.load());
    }
    if (!this._events) return loading();
    if (!this._events.length) return empty(t('home:activity.none'));
    return html`<ol class="net-activity" data-testid="activity">
      ${this._events.map((e) => html`<li class="net-activity-item net-kind-${e.kind.toLowerCase()}">
        <span class="net-activity-text">${this._text(e)}</span>
        ${e.field && !e.city ? html`<span class="muted">${fieldName({ slug: e.field, name: e.field })}</span>`
          : nothing}
        <time class="muted" datetime=${e.at} title=${formatDateTime(e.at)}>${formatRelative(e.at)}</time>
      </li>`)}
    </ol>`;
  }
}
customElements.define('ccc-net-activity', NetActivity);
