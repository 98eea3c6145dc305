// <ccc-room-moderation>: the moderation panel of a room, for its space's managers. It lists the mutes and bans that
// hold in the room (its own and the space-wide ones) or, switched, anywhere in its space: who, what, where, until
// when and imposed by whom, each with "lift" and "extend by a day".
// GET /api/rooms/{id}/moderation/sanctions, GET /api/spaces/{id}/moderation/sanctions,
// PATCH and DELETE /api/rooms/{id}/moderation/sanctions/{sanctionId}.
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { t, formatDateTime } from '../core/i18n.js';
import { api } from '../core/api.js';
import { notify, notifyError } from '../core/notify.js';
import { loading, errorBox, empty } from '../core/view.js';

const DAY = 24 * 60;

class RoomModeration extends CccElement {
  static properties = {
    /** The room (GET /api/rooms/{id}). */
    room: { attribute: false },
    _scope: { state: true },
    _items: { state: true },
    _error: { state: true },
    _busy: { state: true },
  };

  constructor() {
    super();
    this._scope = 'room';
    this._items = null;
    this._error = null;
    this._busy = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this._load();
  }

  async _load() {
    this._error = null;
    try {
      this._items = await api(this._scope === 'room' ? `/rooms/${this.room.id}/moderation/sanctions`
        : `/spaces/${this.room.space}/moderation/sanctions`);
    } catch (e) {
      this._error = e;
    }
  }

  _switch(scope) {
    if (scope === this._scope) return;
    this._scope = scope;
    this._items = null;
    this._load();
  }

  async _act(s, action) {
    this._busy = true;
    const path = `/rooms/${this.room.id}/moderation/sanctions/${s.id}`;
    try {
      if (action === 'lift') await api(path, { method: 'DELETE' });
      else await api(path, { method: 'PATCH', body: { minutes: DAY } });
      notify(t(`room:sanctions.done.${action}`, { name: s.account.name }), 'success');
      await this._load();
    } catch (e) {
      notifyError(e);
    } finally {
      this._busy = false;
    }
  }

  _renderItem(s) {
    const where = s.roomId === null || s.roomId === undefined ? t('room:sanctions.wholeSpace')
      : t('room:sanctions.inRoom', { room: s.roomName });
    return html`<li class="room-sanction" data-testid="sanction">
      <p><strong>${s.account.name}</strong> · ${t(`room:sanctions.kind.${s.kind}`)} · ${where}</p>
      <p class="muted">
        <span data-testid="sanction-until">${s.until ? t('room:sanctions.until', { time: formatDateTime(s.until) })
          : t('room:moderation.untilLifted')}</span>
        · ${t('room:sanctions.by', { name: s.by.name, time: formatDateTime(s.createdAt) })}</p>
      <div class="row">
        <button type="button" data-testid="sanction-lift" ?disabled=${this._busy}
          aria-label=${t(`room:sanctions.liftLabel.${s.kind}`, { name: s.account.name })}
          @click=${() => this._act(s, 'lift')}>${t(`room:sanctions.lift.${s.kind}`)}</button>
        ${s.until ? html`<button type="button" data-testid="sanction-extend" ?disabled=${this._busy}
          aria-label=${t('room:sanctions.extendLabel', { name: s.account.name })}
          @click=${() => this._act(s, 'extend')}>${t('room:sanctions.extend')}</button>` : nothing}
      </div>
    </li>`;
  }

  render() {
    const scopes = [['room', t('room:sanctions.scopeRoom')], ['space', t('room:sanctions.scopeSpace')]];
    return html`<section class="room-moderation stack" data-testid="moderation-panel"
        aria-labelledby="room-moderation-title">
      <h2 id="room-moderation-title">${t('room:sanctions.title')}</h2>
      <div class="row" role="group" aria-label=${t('room:sanctions.scope')}>
        ${scopes.map(([scope, label]) => html`<button type="button" data-testid=${`moderation-scope-${scope}`}
          aria-pressed=${this._scope === scope ? 'true' : 'false'} @click=${() => this._switch(scope)}>${label}</button>`)}
      </div>
      ${this._error ? errorBox(this._error) : this._items === null ? loading()
        : this._items.length ? html`<ul class="room-sanctions stack">${this._items.map((s) => this._renderItem(s))}</ul>`
          : empty(t('room:sanctions.none'))}
    </section>`;
  }
}

customElements.define('ccc-room-moderation', RoomModeration);
