// <ccc-city-spaces slug="lyon">: the city's spaces and their rooms (with an "new messages" hint from what this
// browser has seen), and for the city's managers a form to create a room of any kind usable in the space.
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { api } from '../core/api.js';
import { t, loadNamespaces } from '../core/i18n.js';
import { roomKindName, roomKindDescription } from '../core/plugin-texts.js';
import { spaceName, roomName } from '../core/names.js';
import { loading, errorBox, empty, fieldError } from '../core/view.js';
import { notify } from '../core/notify.js';

class CitySpaces extends CccElement {
  static properties = {
    slug: { type: String },
    _spaces: { state: true },
    _rooms: { state: true },
    _error: { state: true },
    _creating: { state: true },
    _kinds: { state: true },
    _createError: { state: true },
    _busy: { state: true },
    _ready: { state: true },
  };

  constructor() {
    super();
    this._rooms = new Map();
    this._kinds = new Map();
    this._creating = null;
  }

  connectedCallback() {
    super.connectedCallback();
    loadNamespaces('room', 'plugins').then(() => { this._ready = true; });
  }

  sessionChanged() {
    this._load();
  }

  updated(changed) {
    if (changed.has('slug') && this.slug) this._load();
  }

  async _load() {
    try {
      // The spaces with their rooms, in one request (not one more per space).
      const spaces = await api('/spaces', { query: { city: this.slug, rooms: true } });
      this._rooms = new Map(spaces.map((s) => [s.id, s.rooms ?? []]));
      this._spaces = spaces;
      this._error = null;
    } catch (e) {
      this._error = e;
    }
  }

  async _startCreate(space) {
    this._creating = space.id;
    this._createError = null;
    if (!this._kinds.has(space.id)) {
      try {
        const kinds = await api(`/spaces/${space.id}/room-kinds`);
        this._kinds = new Map(this._kinds).set(space.id, kinds);
      } catch (e) {
        this._createError = e;
      }
    }
    await this.updateComplete;
    this.querySelector(`#new-room-name-${space.id}`)?.focus();
  }

  async _create(e, space) {
    e.preventDefault();
    const form = e.target;
    const body = { name: form.name.value.trim(), kind: form.kind?.value || 'discussion' };
    const topic = form.topic.value.trim();
    if (topic) body.topic = topic;
    this._busy = true;
    try {
      const room = await api(`/spaces/${space.id}/rooms`, { method: 'POST', body });
      notify(t('room:spaces.created', { name: room.name }), 'success');
      this._creating = null;
      this._createError = null;
      await this._load();
    } catch (error) {
      this._createError = error;
    } finally {
      this._busy = false;
    }
  }

  _unread(room) {
    const seen = Number(localStorage.getItem(`ccc.room.seen.${room.id}`) || 0);
    return seen > 0 && room.lastSeq > seen;
  }

  render() {
    if (!this._ready) return nothing;
    if (this._error) return errorBox(this._error);
    if (!this._spaces) return loading();
    if (!this._spaces.length) return empty(t('room:spaces.none'));
    return html`<div class="city-spaces stack" data-testid="city-spaces">
      ${this._spaces.map((space) => this._renderSpace(space))}
    </div>`;
  }

  _renderSpace(space) {
    const rooms = this._rooms.get(space.id) || [];
    return html`<section class="card city-space" aria-labelledby=${`space-${space.id}`}>
      <div class="row city-space-head">
        <h3 id=${`space-${space.id}`}>${spaceName(space)}</h3>
        ${space.visibility === 'MEMBERS_ONLY' ? html`<span class="badge">${t('room:spaces.membersOnly')}</span>` : nothing}
      </div>
      ${rooms.length ? html`<ul class="city-rooms">
        ${rooms.map((room) => html`<li>
          <a href=${`/rooms/${room.id}`} data-testid="room-link">${roomName(room)}</a>
          <span class="muted">${roomKindName(room.kind)}</span>
          ${room.kind !== 'discussion' && !room.ui ? html`<span class="muted">${t('room:spaces.unavailable')}</span>` : nothing}
          ${room.locked ? html`<span class="badge">${t('room:locked')}</span>` : nothing}
          ${this._unread(room) ? html`<span class="badge" data-testid="unread-hint">${t('room:spaces.new')}</span>` : nothing}
          ${room.lastSeq === 0 ? html`<span class="muted">${t('room:spaces.quiet')}</span>` : nothing}
        </li>`)}
      </ul>` : html`<p class="muted">${t('room:spaces.noRooms')}</p>`}
      ${space.canManage ? this._renderCreate(space) : nothing}
    </section>`;
  }

  _renderCreate(space) {
    if (this._creating !== space.id) {
      return html`<button type="button" data-testid="create-room" @click=${() => this._startCreate(space)}>
        ${t('room:spaces.create')}</button>`;
    }
    const kinds = this._kinds.get(space.id);
    const err = this._createError;
    const nameError = err?.fieldErrors?.name;
    return html`<form class="form city-new-room" @submit=${(e) => this._create(e, space)} novalidate>
      <div class="form-field">
        <label for=${`new-room-name-${space.id}`}>${t('room:spaces.name')}</label>
        <input id=${`new-room-name-${space.id}`} name="name" required maxlength="120" data-testid="new-room-name"
          aria-invalid=${nameError ? 'true' : 'false'} aria-describedby=${`new-room-name-err-${space.id}`}>
        ${fieldError(err, 'name', `new-room-name-err-${space.id}`)}
      </div>
      <div class="form-field">
        <label for=${`new-room-kind-${space.id}`}>${t('room:spaces.kind')}</label>
        ${kinds ? html`<select id=${`new-room-kind-${space.id}`} name="kind" data-testid="new-room-kind"
            aria-describedby=${`new-room-kind-hint-${space.id}`}>
          ${kinds.map((k) => html`<option value=${k.id}>${roomKindName(k.id, k.name)}</option>`)}
        </select>
        <p class="form-hint" id=${`new-room-kind-hint-${space.id}`}>${kinds.map((k) => roomKindDescription(k.id, k.description)).filter(Boolean).join(' · ')}</p>`
        : loading()}
      </div>
      <div class="form-field">
        <label for=${`new-room-topic-${space.id}`}>${t('room:spaces.topic')}</label>
        <input id=${`new-room-topic-${space.id}`} name="topic" maxlength="500">
      </div>
      ${err && !nameError ? errorBox(err) : nothing}
      <div class="form-actions">
        <button type="submit" class="primary" data-testid="create-room-submit" ?disabled=${this._busy || !kinds}>
          ${t('room:spaces.createSubmit')}</button>
        <button type="button" @click=${() => { this._creating = null; this._createError = null; }}>
          ${t('common:actions.cancel')}</button>
      </div>
    </form>`;
  }
}

customElements.define('ccc-city-spaces', CitySpaces);
