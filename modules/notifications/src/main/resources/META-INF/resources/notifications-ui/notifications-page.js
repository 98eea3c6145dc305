// /notifications: my notifications, newest first, live; open one (marks it read), mark one or all read.
import { html, nothing } from 'lit';
import { CccElement } from '/ui/core/element.js';
import { api } from '/ui/core/api.js';
import { t, formatDateTime, formatRelative } from '/ui/core/i18n.js';
import { currentUser } from '/ui/core/session.js';
import { loading, errorBox, empty, pager, setTitle, pageReady } from '/ui/core/view.js';
import { notifyError } from '/ui/core/notify.js';
import { live } from '/ui/core/live.js';

/** Where a notification leads. */
function target(n) {
  if (n.room && n.seq) return `/rooms/${n.room}?seq=${n.seq}`;
  if (n.room) return `/rooms/${n.room}`;
  if (n.fork) return `/works/${n.fork}`;
  if (n.event) return `/events/${n.event}`;
  if (n.work) return `/works/${n.work}`;
  if (n.city) return `/cities/${n.city}`;
  if (n.project) return `/projects/${n.project}`;
  return null;
}

function sentence(n) {
  return t(`notifications:kinds.${n.kind}`, {
    actor: n.actorName ?? t('notifications:someone'),
    room: n.roomName ?? t('notifications:aRoom'),
    work: n.workTitle ?? '',
    city: n.city ?? '',
    detail: n.project && n.detail ? t(`notifications:projectDetail.${n.detail}`) : (n.detail ?? ''),
    project: n.projectTitle ?? t('notifications:aProject'),
    event: n.eventTitle ?? '',
    start: n.eventStart ? formatDateTime(n.eventStart) : '',
    title: n.announcementTitle ?? '',
  });
}

class NotificationsPage extends CccElement {
  static properties = {
    _result: { state: true },
    _error: { state: true },
    _unreadOnly: { state: true },
  };

  constructor() {
    super();
    this._unreadOnly = false;
    this._page = 1;
  }

  connectedCallback() {
    super.connectedCallback();
    setTitle(t('notifications:title'));
    this._onNotification = () => this._load(this._page);
    live().addEventListener('notification', this._onNotification);
    this._load(1);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    live().removeEventListener('notification', this._onNotification);
  }

  async _load(page) {
    if (!currentUser()) {
      pageReady(this);
      return;
    }
    this._page = page;
    try {
      this._result = await api('/me/notifications', { query: { unread: this._unreadOnly || undefined, page, size: 20 } });
      this._error = null;
    } catch (e) {
      this._error = e;
    }
    pageReady(this);
  }

  async _read(ids) {
    try {
      await api('/me/notifications/read', { method: 'POST', body: ids ? { ids } : {} });
      window.dispatchEvent(new CustomEvent('ccc-notifications-changed'));
      await this._load(ids ? this._page : 1);
    } catch (e) {
      notifyError(e);
    }
  }

  render() {
    if (!currentUser()) {
      return html`<section class="page"><h1>${t('notifications:title')}</h1>
        <p class="notice">${t('notifications:signIn')} <a href="/signin">${t('common:account.signIn')}</a></p></section>`;
    }
    const items = this._result?.items ?? [];
    return html`<section class="page notifications-page">
      <h1>${t('notifications:title')}</h1>
      <div class="row">
        <label class="room-check"><input type="checkbox" data-testid="unread-only" .checked=${this._unreadOnly}
          @change=${(e) => { this._unreadOnly = e.target.checked; this._load(1); }}> ${t('notifications:unreadOnly')}</label>
        <button type="button" data-testid="mark-all" @click=${() => this._read(null)}>${t('notifications:markAll')}</button>
        <a href="/my-rooms" data-testid="my-rooms-link">${t('notifications:myRoomsLink')}</a>
        <a href="/mentions" data-testid="mentions-link">${t('notifications:mentionsLink')}</a>
      </div>
      ${this._error ? errorBox(this._error) : nothing}
      ${!this._result && !this._error ? loading() : nothing}
      ${this._result && !items.length ? empty(t(this._unreadOnly ? 'notifications:noneUnread' : 'notifications:none')) : nothing}
      ${items.length ? html`<ul class="mentions-list stack">
        ${items.map((n) => html`<li class=${n.readAt ? 'card mention' : 'card mention unread'} data-testid="notification"
            data-kind=${n.kind}>
          <div class="row">
            <strong>${sentence(n)}</strong>
            <time class="muted" datetime=${n.createdAt} title=${formatDateTime(n.createdAt)}>${formatRelative(n.createdAt)}</time>
            ${n.readAt ? nothing : html`<span class="badge">${t('notifications:unread')}</span>`}
          </div>
          ${n.excerpt ? html`<p class="mention-excerpt">${n.excerpt}</p>` : nothing}
          <div class="row">
            ${target(n) ? html`<a href=${target(n)} @click=${() => { if (!n.readAt) this._read([n.id]); }}>
              ${t('notifications:open')}</a>` : nothing}
            ${n.readAt ? nothing : html`<button type="button" class="button-link" data-testid="mark-read"
              @click=${() => this._read([n.id])}>${t('notifications:markRead')}</button>`}
          </div>
        </li>`)}
      </ul>` : nothing}
      ${pager(this._result, (p) => this._load(p))}
    </section>`;
  }
}

customElements.define('ccc-notifications-page', NotificationsPage);
