// The header's notification bell, its one live counter: mentions, replies and every other kind are notifications.
// The unread count comes from GET /api/me/notifications, kept current by the live connection's `notification`
// frames (they carry the count) and by "ccc-notifications-changed" (pages marking read). It keeps the tab's live
// connection open while someone is signed in, since the frames arrive on it.
import { html, nothing } from 'lit';
import { CccElement } from '/ui/core/element.js';
import { api } from '/ui/core/api.js';
import { t, loadNamespaces, formatNumber } from '/ui/core/i18n.js';
import { currentUser } from '/ui/core/session.js';
import { live } from '/ui/core/live.js';

class NotificationBell extends CccElement {
  static properties = {
    _count: { state: true },
    _failed: { state: true },
    _ready: { state: true },
  };

  constructor() {
    super();
    this._count = 0;
    this._failed = false;
    this._ready = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this._refresh = () => this._load();
    this._onNotification = (e) => { this._count = e.detail.unread; this._failed = false; };
    window.addEventListener('ccc-notifications-changed', this._refresh);
    live().addEventListener('notification', this._onNotification);
    this._release = live().retain();
    loadNamespaces('notifications').then(() => { this._ready = true; });
    this._load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('ccc-notifications-changed', this._refresh);
    live().removeEventListener('notification', this._onNotification);
    this._release?.();
  }

  async _load() {
    if (!currentUser()) return;
    try {
      this._count = (await api('/me/notifications', { query: { size: 1 } })).unread;
      this._failed = false;
    } catch (e) {
      console.error(e);
      this._failed = true;
    }
  }

  render() {
    if (!this._ready) return nothing;
    const label = this._failed ? t('notifications:bell.failed') : t('notifications:bell.label', { count: this._count });
    return html`<a class="mentions-link" href="/notifications" data-testid="notification-bell" aria-label=${label}
        title=${label}><span aria-hidden="true">🔔</span>${this._count > 0
      ? html`<span class="badge mentions-count" data-testid="notification-count">${formatNumber(this._count)}</span>`
      : nothing}</a>`;
  }
}

customElements.define('ccc-notification-bell', NotificationBell);
