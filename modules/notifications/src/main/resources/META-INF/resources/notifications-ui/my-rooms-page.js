// /my-rooms: the rooms I entered, with the number of messages by others since I last read each; mark one read.
import { html, nothing } from 'lit';
import { CccElement } from '/ui/core/element.js';
import { api } from '/ui/core/api.js';
import { t } from '/ui/core/i18n.js';
import { currentUser } from '/ui/core/session.js';
import { loading, errorBox, empty, setTitle, pageReady } from '/ui/core/view.js';
import { notifyError } from '/ui/core/notify.js';

class MyRoomsPage extends CccElement {
  static properties = {
    _rooms: { state: true },
    _error: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    setTitle(t('notifications:rooms.title'));
    this._load();
  }

  async _load() {
    if (!currentUser()) {
      pageReady(this);
      return;
    }
    try {
      this._rooms = (await api('/me/rooms')).items;
      this._error = null;
    } catch (e) {
      this._error = e;
    }
    pageReady(this);
  }

  async _read(room) {
    try {
      await api(`/me/rooms/${room.room}/read`, { method: 'POST' });
      await this._load();
    } catch (e) {
      notifyError(e);
    }
  }

  render() {
    if (!currentUser()) {
      return html`<section class="page"><h1>${t('notifications:rooms.title')}</h1>
        <p class="notice">${t('notifications:signIn')} <a href="/signin">${t('common:account.signIn')}</a></p></section>`;
    }
    return html`<section class="page my-rooms-page">
      <h1>${t('notifications:rooms.title')}</h1>
      <p>${t('notifications:rooms.intro')}</p>
      ${this._error ? errorBox(this._error) : nothing}
      ${!this._rooms && !this._error ? loading() : nothing}
      ${this._rooms && !this._rooms.length ? empty(t('notifications:rooms.none')) : nothing}
      ${this._rooms?.length ? html`<ul class="stack">
        ${this._rooms.map((r) => html`<li class="card" data-testid="my-room" data-room=${r.room}>
          <div class="row">
            <a href=${`/rooms/${r.room}`} aria-label=${t('notifications:rooms.open', { room: r.name })}><strong>${r.name}</strong></a>
            <span class="muted">${r.spaceName}</span>
            ${r.unread > 0 ? html`<span class="badge" data-testid="room-unread">${t('notifications:rooms.unread',
              { count: r.unread })}</span>
              <button type="button" class="button-link" data-testid="room-mark-read" @click=${() => this._read(r)}>
                ${t('notifications:rooms.markRead')}</button>`
            : html`<span class="muted">${t('notifications:rooms.upToDate')}</span>`}
          </div>
        </li>`)}
      </ul>` : nothing}
    </section>`;
  }
}

customElements.define('ccc-my-rooms-page', MyRoomsPage);
