// /mentions: the messages that mention me, newest first, with links to the room and message; mark one or all read.
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { api } from '../core/api.js';
import { t, formatDateTime, formatRelative } from '../core/i18n.js';
import { currentUser } from '../core/session.js';
import { loading, errorBox, empty, pager, setTitle, pageReady } from '../core/view.js';
import { notify, notifyError } from '../core/notify.js';
import { navigate } from '../core/router.js';
import { live } from '../core/live.js';
import { mentionText } from '../core/mentions.js';

class MentionsPage extends CccElement {
  static properties = {
    _result: { state: true },
    _error: { state: true },
    _unreadOnly: { state: true },
    _rooms: { state: true },
  };

  constructor() {
    super();
    this._unreadOnly = false;
    this._rooms = new Map();
    this._page = 1;
  }

  connectedCallback() {
    super.connectedCallback();
    setTitle(t('room:mentions.title'));
    this._onMention = () => this._load(this._page);
    live().addEventListener('mention', this._onMention);
    this._load(1);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    live().removeEventListener('mention', this._onMention);
  }

  async _load(page) {
    if (!currentUser()) {
      this._error = null;
      this._result = null;
      pageReady(this);
      return;
    }
    this._page = page;
    try {
      const result = await api('/me/mentions', { query: { unread: this._unreadOnly || undefined, page, size: 20 } });
      this._result = result;
      this._error = null;
      this._loadRoomNames(this._result.items);
    } catch (e) {
      this._error = e;
    }
    pageReady(this);
  }

  async _loadRoomNames(items) {
    const missing = [...new Set(items.map((m) => m.room))].filter((id) => !this._rooms.has(id));
    const found = await Promise.all(missing.map((id) => api(`/rooms/${id}`).catch(() => null)));
    const rooms = new Map(this._rooms);
    missing.forEach((id, i) => rooms.set(id, found[i]?.name ?? null));
    this._rooms = rooms;
  }

  async _markRead(m) {
    try {
      await api(`/me/mentions/${m.id}/read`, { method: 'POST' });
      await this._load(this._page);
    } catch (e) {
      notifyError(e);
    }
  }

  async _open(e, m) {
    e.preventDefault();
    if (!m.readAt) {
      try {
        await api(`/me/mentions/${m.id}/read`, { method: 'POST' });
        } catch (error) {
        notifyError(error);
      }
    }
    navigate(e.currentTarget.getAttribute('href'));
  }

  async _markAll() {
    try {
      const result = await api('/me/mentions/read', { method: 'POST' });
      notify(t('room:mentions.markedAll', { count: result.marked }), 'success');
      await this._load(1);
    } catch (e) {
      notifyError(e);
    }
  }

  render() {
    if (!currentUser()) {
      return html`<section class="page"><h1>${t('room:mentions.title')}</h1>
        <p class="notice">${t('room:mentions.signIn')} <a href="/signin">${t('common:account.signIn')}</a></p></section>`;
    }
    return html`<section class="page mentions-page">
      <h1>${t('room:mentions.title')}</h1>
      <div class="row">
        <label class="room-check"><input type="checkbox" data-testid="unread-only" .checked=${this._unreadOnly}
          @change=${(e) => { this._unreadOnly = e.target.checked; this._load(1); }}> ${t('room:mentions.unreadOnly')}</label>
        <button type="button" data-testid="mark-all" @click=${() => this._markAll()}>${t('room:mentions.markAll')}</button>
      </div>
      ${this._error ? errorBox(this._error) : nothing}
      ${!this._result && !this._error ? loading() : nothing}
      ${this._result && !this._result.items.length ? empty(t(this._unreadOnly ? 'room:mentions.noneUnread' : 'room:mentions.none')) : nothing}
      ${this._result?.items.length ? html`<ul class="mentions-list stack">
        ${this._result.items.map((m) => html`<li class=${m.readAt ? 'card mention' : 'card mention unread'} data-testid="mention">
          <div class="row">
            <strong>${m.authorName}</strong>
            <span class="muted">${t('room:mentions.inRoom', { room: this._rooms.get(m.room) ?? `#${m.room}` })}</span>
            <time class="muted" datetime=${m.createdAt} title=${formatDateTime(m.createdAt)}>${formatRelative(m.createdAt)}</time>
            ${m.readAt ? nothing : html`<span class="badge">${t('room:mentions.unread')}</span>`}
          </div>
          <p class="mention-excerpt">${mentionText(m.excerpt)}</p>
          <div class="row">
            <a href=${`/rooms/${m.room}?seq=${m.seq}`} data-testid="open-mention" @click=${(e) => this._open(e, m)}>
              ${t('room:mentions.open')}</a>
            ${m.readAt ? nothing : html`<button type="button" class="button-link" data-testid="mark-read"
              @click=${() => this._markRead(m)}>${t('room:mentions.markRead')}</button>`}
          </div>
        </li>`)}
      </ul>` : nothing}
      ${pager(this._result, (p) => this._load(p))}
    </section>`;
  }
}

customElements.define('ccc-mentions-page', MentionsPage);
