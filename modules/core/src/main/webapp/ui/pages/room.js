// A live room (/rooms/:id): header (name, kind, place, who is online, moderation settings), the plugin element of
// the room's kind above the chat, the conversation (history that loads as you scroll up, Markdown rendered by the
// server and sanitised again here, reactions, threads, edits and deletions, typing indicators) and the composer.
// Live traffic goes through the tab's one WebSocket (core/live.js); REST brings the room and its history.
// Layout (room.css): the page fills the window and only the conversation scrolls, so the composer stays in view;
// a room with a plugin element (a watch party) puts the chat beside it on wide screens (WIDE), below it on narrow
// ones. Coming back to a room, a divider marks the first message by someone else since the last visit (the seq
// last seen, kept per room in localStorage); scrolled up, arriving messages offer a "jump to latest" button.
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { CccElement } from '../core/element.js';
import { safeMessageHtml } from '../core/safe-html.js';
import { api } from '../core/api.js';
import { t, formatDateTime, formatRelative, formatNumber } from '../core/i18n.js';
import { currentUser } from '../core/session.js';
import { roomKindName } from '../core/plugin-texts.js';
import { spaceName, roomName } from '../core/names.js';
import { loading, errorBox, setTitle, pageReady } from '../core/view.js';
import { notify, notifyError } from '../core/notify.js';
import { live, liveErrorMessage } from '../core/live.js';
import { Timeline } from '../components/room-timeline.js';
import '../components/room-composer.js';
import '../components/room-moderation.js';

const PAGE = 50;
const EMOJIS = ['👍', '❤️', '😂', '🎉', '👏', '🤔', '🎬', '👀'];
const TYPING_SEND_MS = 3000;
const TYPING_SHOW_MS = 5000;
const SLOW_MODES = [0, 10, 30, 60, 300, 900];
const DURATIONS = [10, 60, 1440, 10080, 0];
/** Screens wide enough for a plugin element and the chat side by side. */
const WIDE = '(min-width: 900px)';
/** How many messages back the page loads, at most, to show where the unread ones start. */
const UNREAD_REACH = 500;
// The room of the address is asked for as soon as the UI starts (app.js, routes.js `early`: its answers, with the
// reader's token, cannot be preloaded by the shell), or this module runs: beside the shell's strings and /api/me,
// not after them and not after this module's imports, and its space at the same time
// (GET /api/rooms/{id}/space: asked for after the room, it was one more round trip before the page could show).
// The page takes them once, if it shows that room.
let early = earlyLoad();

function earlyLoad() {
  const m = /^\/rooms\/(\d+)\/?$/.exec(location.pathname);
  if (!m) return null;
  const id = Number(m[1]);
  const loads = { id, room: api(`/rooms/${id}`), space: api(`/rooms/${id}/space`),
    history: api(`/rooms/${id}/history`, { query: { limit: PAGE } }) };
  Object.values(loads).forEach((p) => p?.catch?.(() => {}));
  return loads;
}

function seenKey(roomId) {
  return `ccc.room.seen.${roomId}`;
}

class RoomPage extends CccElement {
  static properties = {
    params: { attribute: false },
    query: { attribute: false },
    _room: { state: true },
    _space: { state: true },
    _error: { state: true },
    _version: { state: true },
    _connection: { state: true },
    _online: { state: true },
    _typing: { state: true },
    _thread: { state: true },
    _editing: { state: true },
    _picker: { state: true },
    _removed: { state: true },
    _postError: { state: true },
    _slowUntil: { state: true },
    _loadingOlder: { state: true },
    _historyError: { state: true },
    _dialog: { state: true },
    _pluginError: { state: true },
    _unreadFrom: { state: true },
    _newBelow: { state: true },
    _wide: { state: true },
  };

  constructor() {
    super();
    this.timeline = new Timeline();
    this._version = 0;
    this._online = new Map();
    this._typing = new Map();
    this._connection = live().state;
    this._thread = null;
    this._editing = null;
    this._picker = null;
    this._removed = null;
    this._postError = null;
    this._slowUntil = 0;
    this._loadingOlder = false;
    this._dialog = null;
    this._lastTypingSent = 0;
    this._members = null;
    this._pluginElement = null;
    this._unreadFrom = null;
    this._newBelow = 0;
    this._wideQuery = matchMedia(WIDE);
    this._wide = this._wideQuery.matches;
  }

  get roomId() {
    return Number(this.params?.id);
  }

  connectedCallback() {
    super.connectedCallback();
    this._onState = (e) => {
      this._connection = e.detail.state;
      this._retryAt = e.detail.retryAt;
    };
    live().addEventListener('state', this._onState);
    this._onWide = (e) => { this._wide = e.matches; };
    this._wideQuery.addEventListener('change', this._onWide);
    this._ticker = setInterval(() => this._tick(), 1000);
    this._load();
  }

  sessionChanged() {
    this.requestUpdate();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    live().removeEventListener('state', this._onState);
    this._wideQuery.removeEventListener('change', this._onWide);
    this._resizes?.disconnect();
    this._observedLog = null;
    clearInterval(this._ticker);
    this._unsubscribe?.();
    this._channel?.release();
    this._channel = null;
  }

  async _load() {
    const first = early?.id === this.roomId ? early : null;
    early = null;
    // The history page is fetched alongside the room, so that the first render waits for one round trip less.
    const latest = first?.history ?? api(`/rooms/${this.roomId}/history`, { query: { limit: PAGE } });
    latest.catch(() => {});
    // Read before the first page marks everything seen.
    this._lastSeen = Number(localStorage.getItem(seenKey(this.roomId)) || 0);
    const space = first?.space ?? api(`/rooms/${this.roomId}/space`);
    space.catch(() => {});
    try {
      const room = await (first?.room ?? api(`/rooms/${this.roomId}`));
      setTitle(roomName(room));
      // The room is shown with its space's line filled in: that line arriving after it moved the room down.
      this._space = await space;
      this._room = room;
    } catch (e) {
      this._error = e;
      setTitle(t('room:title'));
      pageReady(this);
      return;
    }
    await this._loadLatest(undefined, latest);
    pageReady(this);
    this._mountPlugin();
    // The live channel once the room is painted: its ticket and connection do not share the browser's connections
    // with what the first paint waits for. The welcome brings what was stored since the history page (_frame).
    requestAnimationFrame(() => setTimeout(() => this._live()));
  }

  /** The room's live channel, joined on first use (a post, a plugin) or once the room is painted. */
  _live() {
    if (!this._channel && this.isConnected) {
      this._channel = live().room(this.roomId);
      this._unsubscribe = this._channel.subscribe((frame) => this._frame(frame));
      this.requestUpdate();
    }
    return this._channel;
  }

  /** The latest page of history (first load and after a reset). */
  async _loadLatest(before, fetched) {
    try {
      const page = await (fetched ?? api(`/rooms/${this.roomId}/history`, { query: { before, limit: PAGE } }));
      this.timeline.addPage(page.items, { backwards: true, limit: PAGE });
      this._historyError = null;
      const unread = await this._markUnread();
      this._changed();
      await this.updateComplete;
      if (unread) this._scrollToUnread();
      else this._scrollToEnd();
      await this._focusLinked();
    } catch (e) {
      this._historyError = e;
    }
  }

  /** Loads history back to message `seq` (at most 500 messages before the oldest loaded). */
  async _loadBackTo(seq) {
    while (this.timeline.hasOlder && this.timeline.oldest > seq) {
      const limit = Math.min(500, this.timeline.oldest - seq + 5);
      const page = await api(`/rooms/${this.roomId}/history`, { query: { before: this.timeline.oldest, limit } });
      this.timeline.addPage(page.items, { backwards: true, limit });
      this._changed();
    }
  }

  /**
   * Back in a room seen before: the first message by someone else after the last one seen gets the "new messages"
   * divider for this visit (loading back to it when it is within reach). Returns whether there is one.
   */
  async _markUnread() {
    if (this._unreadFrom !== null || !this._lastSeen || this.timeline.newest <= this._lastSeen) return false;
    if (this.timeline.oldest > this._lastSeen + 1 && this.timeline.oldest - this._lastSeen <= UNREAD_REACH) {
      await this._loadBackTo(this._lastSeen + 1);
    }
    const me = currentUser()?.id;
    const first = this.timeline.list().find((m) => m.seq > this._lastSeen && (m.system || m.author.id !== me));
    this._unreadFrom = first ? first.seq : null;
    return !!first;
  }

  /** Shows the "new messages" divider near the top of the conversation. */
  _scrollToUnread() {
    const log = this.querySelector('.room-log');
    const divider = this.querySelector('[data-testid=unread-divider]');
    if (!log || !divider) return;
    log.scrollTop += divider.getBoundingClientRect().top - log.getBoundingClientRect().top - 8;
    this._atBottom = this._nearBottom();
    this._newBelow = 0;
  }

  /** /rooms/7?seq=42 (from a mention): loads back to message 42, shows and highlights it. */
  async _focusLinked() {
    const seq = Number(this.query?.get('seq'));
    if (!seq) return;
    if (!this.timeline.get(seq)) await this._loadBackTo(seq);
    await this.updateComplete;
    const target = this.querySelector(`#msg-${seq}`);
    if (target) {
      target.classList.add('room-msg-linked');
      target.scrollIntoView({ block: 'center' });
      this._atBottom = this._nearBottom();
      target.focus({ preventScroll: true });
    }
  }

  async _loadOlder() {
    if (this._loadingOlder || !this.timeline.hasOlder || this.timeline.oldest === null) return;
    this._loadingOlder = true;
    const log = this.querySelector('.room-log');
    const fromBottom = log ? log.scrollHeight - log.scrollTop : 0;
    try {
      const page = await api(`/rooms/${this.roomId}/history`, { query: { before: this.timeline.oldest, limit: PAGE } });
      this.timeline.addPage(page.items, { backwards: true, limit: PAGE });
      this._historyError = null;
      this._changed();
      await this.updateComplete;
      if (log) log.scrollTop = log.scrollHeight - fromBottom;
    } catch (e) {
      this._historyError = e;
    } finally {
      this._loadingOlder = false;
    }
  }

  updated() {
    // When the conversation's box shrinks or grows (a banner above it, a phone's keyboard, a thread), a reader at
    // the newest message stays there.
    const log = this.querySelector('.room-log');
    if (log && log !== this._observedLog) {
      this._resizes?.disconnect();
      this._observedLog = log;
      this._atBottom = true;
      this._resizes = new ResizeObserver(() => { if (this._atBottom) this._scrollToEnd(); });
      this._resizes.observe(log);
    }
  }

  _onScroll(e) {
    this._atBottom = this._nearBottom();
    if (e.target.scrollTop < 120) this._loadOlder();
    if (this._newBelow && this._nearBottom()) this._newBelow = 0;
  }

  /** The "jump to latest" button: to the newest message, with the focus on the conversation. */
  async _jumpToLatest() {
    this._newBelow = 0;
    this._scrollToEnd();
    await this.updateComplete;
    this.querySelector('.room-log')?.focus({ preventScroll: true });
  }

  _nearBottom() {
    const log = this.querySelector('.room-log');
    return !log || log.scrollHeight - log.scrollTop - log.clientHeight < 80;
  }

  _scrollToEnd() {
    const log = this.querySelector('.room-log');
    if (!log) return;
    log.scrollTop = log.scrollHeight;
    this._atBottom = true;
  }

  _changed() {
    this._version += 1;
    const seen = Number(localStorage.getItem(seenKey(this.roomId)) || 0);
    if (this.timeline.newest > seen) localStorage.setItem(seenKey(this.roomId), String(this.timeline.newest));
  }

  async _frame(frame) {
    switch (frame.type) {
      case 'welcome': {
        this._removed = null;
        this._online = new Map(frame.online.map((u) => [u.id, u.name]));
        // Events stored between the history page and this welcome: fetch them (the merge is by seq).
        if (this.timeline.oldest !== null && this.timeline.newest < frame.latestSeq && frame.replay === 0) {
          this._fillGap(this.timeline.newest, frame.latestSeq);
        }
        break;
      }
      case 'reset': {
        this.timeline.clear();
        this._changed();
        await this._loadLatest(frame.latestSeq + 1);
        break;
      }
      case 'message':
      case 'system':
      case 'edit':
      case 'delete':
      case 'reaction': {
        const stick = this._nearBottom();
        if (frame.type === 'message' && this._typing.has(frame.author.id)) {
          const typing = new Map(this._typing);
          typing.delete(frame.author.id);
          this._typing = typing;
        }
        const added = frame.type === 'message' && !this.timeline.get(frame.seq);
        const mine = frame.type === 'message' && frame.author.id === currentUser()?.id;
        if (this.timeline.apply(frame)) this._changed();
        if (frame.type === 'message' && (stick || mine)) {
          await this.updateComplete;
          this._scrollToEnd();
          this._newBelow = 0;
        } else if (added) {
          this._newBelow += 1;
        }
        break;
      }
      case 'room-settings': {
        // A manager locked, unlocked, archived or slowed the room: the composer follows at once.
        this._room = { ...this._room, locked: frame.locked, slowModeSeconds: frame.slowModeSeconds,
          archived: frame.archived };
        if (!frame.slowModeSeconds) this._slowUntil = 0;
        break;
      }
      case 'presence': {
        const online = new Map(this._online);
        if (frame.event === 'joined') online.set(frame.user.id, frame.user.name);
        else online.delete(frame.user.id);
        this._online = online;
        break;
      }
      case 'typing': {
        if (frame.user.id === currentUser()?.id) break;
        const typing = new Map(this._typing);
        typing.set(frame.user.id, { name: frame.user.name, until: Date.now() + TYPING_SHOW_MS });
        this._typing = typing;
        break;
      }
      case 'error': {
        if (['kicked', 'banned', 'access-revoked', 'room-deleted'].includes(frame.code)) {
          this._removed = frame.code;
          this._online = new Map();
        } else if (!frame.id) {
          notify(liveErrorMessage(frame.code, frame.reason), 'error');
        }
        break;
      }
      default:
        break;
    }
  }

  async _fillGap(after, until) {
    let from = after;
    try {
      while (from < until) {
        const page = await api(`/rooms/${this.roomId}/history`, { query: { after: from, limit: 500 } });
        if (!page.items.length) break;
        this.timeline.addPage(page.items);
        from = page.items[page.items.length - 1].seq;
      }
      this._changed();
    } catch (e) {
      this._historyError = e;
    }
  }

  _tick() {
    if ([...this._typing.values()].some((x) => x.until < Date.now())) {
      this._typing = new Map([...this._typing].filter(([, x]) => x.until >= Date.now()));
    }
    if (this._slowUntil && this._slowUntil <= Date.now()) this._slowUntil = 0;
    if (this._slowUntil || this._connection === 'reconnecting') this.requestUpdate();
  }

  // ---- Sending

  _typingNow() {
    if (Date.now() - this._lastTypingSent < TYPING_SEND_MS) return;
    this._lastTypingSent = Date.now();
    this._channel?.typing();
  }

  async _send(e, replyTo = null) {
    const composer = e.target;
    const text = e.detail.text;
    this._postError = null;
    if (text.length > 16384) {
      this._postError = liveErrorMessage('too-long');
      return;
    }
    composer.clear();
    this._lastTypingSent = 0;
    const sending = this._live().post(text, replyTo);
    this.requestUpdate();
    try {
      await sending;
      if (this._room.slowModeSeconds > 0 && !this._canManage()) {
        this._slowUntil = Date.now() + this._room.slowModeSeconds * 1000;
      }
    } catch (error) {
      this._postError = error.message;
      if (error.code === 'slow-mode') this._slowUntil = Date.now() + this._room.slowModeSeconds * 1000;
      if (error.code === 'forbidden' || error.code === 'slow-mode') this._refreshRoom();
      if (!composer.querySelector('textarea').value) {
        composer._text = text; // give the text back so that nothing typed is lost
      }
    } finally {
      this.requestUpdate();
    }
  }

  async _refreshRoom() {
    try {
      this._room = await api(`/rooms/${this.roomId}`);
    } catch (e) {
      notifyError(e);
    }
  }

  async _people(query) {
    const q = query.toLowerCase();
    const me = currentUser()?.id;
    const found = new Map();
    for (const [id, name] of this._online) found.set(id, { id, name });
    if (this._space?.city) {
      if (!this._members) {
        this._members = api(`/cities/${encodeURIComponent(this._space.city)}/members`, { query: { size: 100 } })
          .then((page) => page.items.map((m) => ({ id: m.accountId, name: m.displayName })))
          .catch((e) => { this._members = null; throw e; });
      }
      for (const p of await this._members) found.set(p.id, p);
    } else if (q) {
      const page = await api('/people', { query: { q, size: 8 } });
      for (const p of page.items) found.set(p.id, { id: p.id, name: p.displayName });
    }
    return [...found.values()].filter((p) => p.id !== me && p.name.toLowerCase().startsWith(q))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async _react(m, emoji, add) {
    this._picker = null;
    try {
      await this._live().react(m.seq, emoji, add);
    } catch (e) {
      notifyError(e);
    }
  }

  async _saveEdit(m, e) {
    e.preventDefault();
    const text = e.target.querySelector('textarea').value;
    if (!text.trim()) return;
    try {
      await this._live().edit(m.seq, text);
      this._editing = null;
      await this.updateComplete;
      this.querySelector(`#msg-${m.seq}`)?.focus();
    } catch (error) {
      notifyError(error);
    }
  }

  _editKeys(m, e) {
    if (e.key === 'Escape') {
      e.preventDefault();
      this._editing = null;
    } else if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      e.target.form.requestSubmit();
    }
  }

  // ---- Moderation

  _canManage() {
    return !!this._space?.canManage;
  }

  _ask(dialog) {
    this._dialog = dialog;
    this.updateComplete.then(() => {
      const d = this.querySelector('dialog.room-dialog');
      if (d && !d.open) d.showModal();
    });
  }

  _closeDialog() {
    this.querySelector('dialog.room-dialog')?.close();
    this._dialog = null;
  }

  async _confirmDialog(e) {
    e.preventDefault();
    const { kind, message, person } = this._dialog;
    const form = e.target;
    try {
      if (kind === 'delete') {
        await this._live().remove(message.seq);
        notify(t('room:moderation.deleted'), 'success');
      } else {
        const minutes = Number(form.querySelector('[name=minutes]')?.value || 0);
        const body = { action: kind, accountId: person.id, wholeSpace: !!form.querySelector('[name=wholeSpace]')?.checked };
        if (minutes) body.minutes = minutes;
        await api(`/rooms/${this.roomId}/moderation`, { method: 'POST', body });
        notify(t(`room:moderation.done.${kind}`, { name: person.name }), 'success');
      }
      this._closeDialog();
    } catch (error) {
      this._dialog = { ...this._dialog, error };
    }
  }

  async _updateRoom(body, message) {
    try {
      this._room = await api(`/rooms/${this.roomId}`, { method: 'PATCH', body });
      notify(message, 'success');
    } catch (e) {
      notifyError(e);
    }
  }

  async _rejoin() {
    try {
      await this._live().join();
    } catch (e) {
      notifyError(e);
    }
  }

  // ---- Plugin room kinds

  async _mountPlugin() {
    const ui = this._room?.ui;
    if (this._room.kind === 'discussion' || !ui) return;
    try {
      await import(ui.module);
      const element = document.createElement(ui.element);
      element.room = this._room;
      element.user = currentUser();
      element.manager = this._canManage();
      element.channel = this._live().plugin;
      this._pluginElement = element;
      this.requestUpdate();
    } catch (e) {
      this._pluginError = e;
    }
  }

  // ---- Rendering

  render() {
    if (this._error) {
      return html`<section class="page room-page"><h1>${t('room:title')}</h1>${errorBox(this._error)}
        <p><a href="/cities">${t('room:backToCities')}</a></p></section>`;
    }
    if (!this._room) return html`<section class="page room-page">${loading()}</section>`;
    const threadParent = this._thread !== null ? this.timeline.get(this._thread) : null;
    const withPlugin = this._room.kind !== 'discussion' && !!this._room.ui && !this._pluginError;
    // Fitting the window: always for a plain room; beside a plugin's element only when the screen is wide.
    const fit = !withPlugin || this._wide;
    return html`<section class="room-page${fit ? ' room-fit' : ''}${withPlugin ? ' room-with-plugin' : ''}"
        data-testid="room-page">
      ${this._renderHeader()}
      ${this._renderPlugin()}
      <div class=${threadParent ? 'room-body with-thread' : 'room-body'} data-testid="room-chat">
        <div class="room-main">
          ${this._renderConnection()}
          <div class="room-log-wrap">
            ${this._renderJump()}
            ${this._renderLog()}
          </div>
          ${this._renderTyping()}
          ${this._renderComposerArea()}
        </div>
        ${threadParent ? this._renderThread(threadParent) : nothing}
      </div>
      ${this._renderDialog()}
    </section>`;
  }

  _renderHeader() {
    const room = this._room;
    const online = [...this._online.entries()].sort((a, b) => a[1].localeCompare(b[1]));
    return html`<header class="room-header">
      <div class="room-title">
        <h1>${roomName(room)}</h1>
        <span class="badge" data-testid="room-kind">${roomKindName(room.kind)}</span>
        ${room.locked ? html`<span class="badge room-badge-locked" data-testid="locked-badge">${t('room:locked')}</span>` : nothing}
        ${room.slowModeSeconds > 0 ? html`<span class="badge">${t('room:slowModeBadge', { seconds: room.slowModeSeconds })}</span>` : nothing}
      </div>
      <p class="room-place muted">
        ${this._space?.city ? html`<a href=${`/cities/${this._space.city}`}>${spaceName(this._space)}</a>` : spaceName(this._space)}
        ${room.topic ? html` · <span>${room.topic}</span>` : nothing}
      </p>
      <div class="room-online" data-testid="online" aria-live="polite">
        <span class="muted">${t('room:online', { count: online.length })}</span>
        <ul class="room-people">${online.map(([id, name]) => html`<li data-person=${id}>${name}</li>`)}</ul>
      </div>
      ${this._canManage() ? this._renderSettings() : nothing}
    </header>`;
  }

  _renderSettings() {
    const room = this._room;
    return html`<details class="room-settings">
      <summary>${t('room:settings.title')}</summary>
      <div class="row">
        <button type="button" data-testid="lock-toggle" class=${room.locked ? '' : 'danger'}
          @click=${() => this._updateRoom({ locked: !room.locked }, t(room.locked ? 'room:settings.unlocked' : 'room:settings.lockedDone'))}>
          ${t(room.locked ? 'room:settings.unlock' : 'room:settings.lock')}</button>
        <label class="room-inline-field">${t('room:settings.slowMode')}
          <select data-testid="slow-mode" @change=${(e) => this._updateRoom({ slowModeSeconds: Number(e.target.value) },
            t('room:settings.slowModeSaved'))}>
            ${SLOW_MODES.map((s) => html`<option value=${s} ?selected=${s === room.slowModeSeconds}>${s === 0
              ? t('room:settings.slowOff') : t('room:settings.slowEvery', { seconds: s })}</option>`)}
          </select>
        </label>
      </div>
      <p class="form-hint">${t('room:settings.hint')}</p>
      <ccc-room-moderation .room=${room}></ccc-room-moderation>
    </details>`;
  }

  /**
   * The "reconnecting…" banner, above the conversation (never under the sticky site header), in a status region
   * that is always there, so that screen readers announce the banner when it appears; the countdown is not
   * announced every second.
   */
  _renderConnection() {
    const reconnecting = this._connection === 'reconnecting';
    const seconds = reconnecting && this._retryAt ? Math.max(0, Math.ceil((this._retryAt - Date.now()) / 1000)) : 0;
    return html`<div class="room-connection-status" role="status" data-testid="connection-status">${reconnecting
      ? html`<div class="room-connection notice" data-testid="reconnecting">
        <span>${t('room:connection.reconnecting')}</span>
        ${seconds ? html`<span aria-hidden="true">${t('room:connection.in', { seconds })}</span>` : nothing}
        <button type="button" class="button-link" @click=${() => live().reconnectNow()}>${t('room:connection.now')}</button>
      </div>` : nothing}</div>`;
  }

  /**
   * The "jump to latest" button, over the bottom of the conversation while new messages arrive below the part
   * read; in a status region (the count is announced), before the log in the tab order (Shift+Tab from it).
   */
  _renderJump() {
    return html`<div class="room-jump" role="status" data-testid="jump-status">${this._newBelow ? html`<button
      type="button" class="primary" data-testid="jump-latest" @click=${() => this._jumpToLatest()}>
      ${t('room:jump', { count: this._newBelow })}</button>` : nothing}</div>`;
  }

  _renderPlugin() {
    if (this._room.kind === 'discussion') return nothing;
    if (!this._room.ui) {
      return html`<p class="notice" data-testid="module-unavailable">${t('room:moduleUnavailable')}</p>`;
    }
    if (this._pluginError) return errorBox(this._pluginError);
    return html`<div class="room-plugin">${this._pluginElement ?? loading()}</div>`;
  }

  _renderLog() {
    const messages = this.timeline.list();
    return html`<div class="room-log" role="log" aria-live="polite" aria-relevant="additions"
        aria-label=${t('room:log', { name: roomName(this._room) })} tabindex="0" data-testid="room-log"
        @scroll=${this._onScroll}>
      ${this.timeline.hasOlder ? html`<div class="room-older">
        <button type="button" class="button-link" data-testid="load-older" ?disabled=${this._loadingOlder}
          @click=${() => this._loadOlder()}>${this._loadingOlder ? t('common:loading') : t('room:older')}</button>
      </div>` : html`<p class="room-start muted">${t('room:start')}</p>`}
      ${this._historyError ? errorBox(this._historyError) : nothing}
      ${!messages.length && !this.timeline.hasOlder ? html`<p class="muted room-empty">${t('room:empty')}</p>` : nothing}
      ${repeat(messages, (m) => m.seq, (m) => m.seq === this._unreadFrom ? html`<div class="room-unread"
        role="separator" aria-label=${t('room:unread')} data-testid="unread-divider"><span aria-hidden="true">${t('room:unread')}</span></div>
        ${this._renderMessage(m, { inThread: false })}` : this._renderMessage(m, { inThread: false }))}
      ${this._channel ? this._channel.pending().filter((p) => !p.replyTo).map((p) => this._renderPending(p)) : nothing}
    </div>`;
  }

  _renderPending(p) {
    return html`<article class="room-msg room-msg-pending" data-testid="pending">
      <header><strong>${currentUser()?.displayName}</strong> <span class="muted">${t('room:sending')}</span></header>
      <div class="room-msg-body"><p>${p.text}</p></div>
    </article>`;
  }

  /** A module's own message (plugin API 1.3): its text under the module's name, styled as the system. */
  _renderSystem(m) {
    return html`<article class="room-msg room-msg-system" id=${`msg-${m.seq}`} data-seq=${m.seq}
        data-testid="system-message" tabindex="-1">
      <header class="room-msg-head">
        <strong class="room-msg-author room-msg-source">${m.source?.name}</strong>
        <time datetime=${m.createdAt} title=${formatDateTime(m.createdAt)}>${formatRelative(m.createdAt)}</time>
      </header>
      <div class="room-msg-body" data-testid="message-body">${safeMessageHtml(m.html)}</div>
    </article>`;
  }

  _renderMessage(m, { inThread }) {
    if (m.system) return this._renderSystem(m);
    const me = currentUser();
    const mine = me && m.author.id === me.id;
    const replies = inThread ? [] : this.timeline.replies(m.seq);
    const parent = m.replyTo && !inThread ? this.timeline.get(m.replyTo) : null;
    const canWrite = !!me && !this._removed;
    return html`<article class="room-msg ${m.deleted ? 'room-msg-deleted' : ''}" id=${inThread ? `thread-msg-${m.seq}` : `msg-${m.seq}`}
        data-seq=${m.seq} data-testid="message" tabindex="-1"
        aria-label=${t('room:messageBy', { name: m.author.name, time: formatDateTime(m.createdAt) })}>
      <header class="room-msg-head">
        <strong class="room-msg-author">${m.author.name}</strong>
        <time datetime=${m.createdAt} title=${formatDateTime(m.createdAt)}>${formatRelative(m.createdAt)}</time>
        ${m.editedAt && !m.deleted ? html`<span class="muted room-edited" data-testid="edited"
          title=${formatDateTime(m.editedAt)}>${t('room:edited')}</span>` : nothing}
      </header>
      ${m.replyTo && !inThread ? html`<button type="button" class="button-link room-msg-replyto"
          @click=${() => this._openThread(m.replyTo)}>${parent
            ? t('room:replyTo', { name: parent.author.name }) : t('room:replyToOlder')}</button>` : nothing}
      ${this._editing === m.seq ? this._renderEditor(m) : html`<div class="room-msg-body" data-testid="message-body">${m.deleted
        ? html`<p class="muted" data-testid="deleted"><em>${t('room:deleted')}</em></p>` : safeMessageHtml(m.html)}</div>`}
      ${this._renderReactions(m)}
      ${m.deleted ? nothing : html`<div class="room-msg-actions" role="group" aria-label=${t('room:actions.label')}>
        ${canWrite ? html`
          <button type="button" class="button-link" data-testid="react" aria-expanded=${this._picker === m.seq ? 'true' : 'false'}
            @click=${() => { this._picker = this._picker === m.seq ? null : m.seq; }}>${t('room:actions.react')}</button>
          ${inThread ? nothing : html`<button type="button" class="button-link" data-testid="reply"
            @click=${() => this._openThread(m.replyTo || m.seq)}>${t('room:actions.reply')}</button>`}
          ${mine ? html`<button type="button" class="button-link" data-testid="edit"
            @click=${() => this._startEdit(m)}>${t('room:actions.edit')}</button>` : nothing}
          ${mine || this._canManage() ? html`<button type="button" class="button-link room-danger-link" data-testid="delete"
            @click=${() => this._ask({ kind: 'delete', message: m })}>${t('room:actions.delete')}</button>` : nothing}
          ${this._canManage() && !mine ? ['mute', 'kick', 'ban'].map((kind) => html`<button type="button"
            class="button-link room-danger-link" data-testid=${`mod-${kind}`}
            @click=${() => this._ask({ kind, person: m.author })}>${t(`room:actions.${kind}`)}</button>`) : nothing}` : nothing}
        ${!inThread && replies.length ? html`<button type="button" class="button-link room-replies" data-testid="replies"
          @click=${() => this._openThread(m.seq)}>${t('room:replies', { count: replies.length })}</button>` : nothing}
      </div>`}
      ${this._picker === m.seq ? html`<div class="room-emoji-picker" role="group" aria-label=${t('room:actions.pick')}>
        ${EMOJIS.map((emoji) => html`<button type="button" data-emoji=${emoji} aria-label=${t('room:reactWith', { emoji })}
          @click=${() => this._react(m, emoji, !this.timeline.reactions(m.seq, me?.id).find((r) => r.emoji === emoji)?.mine)}>
          ${emoji}</button>`)}
      </div>` : nothing}
    </article>`;
  }

  _renderReactions(m) {
    const me = currentUser();
    const reactions = this.timeline.reactions(m.seq, me?.id);
    if (!reactions.length) return nothing;
    return html`<ul class="room-reactions" aria-label=${t('room:reactions')}>
      ${reactions.map((r) => {
        const names = r.people.map((p) => p.name).join(', ');
        return html`<li><button type="button" class=${r.mine ? 'room-reaction mine' : 'room-reaction'}
          data-testid="reaction" data-emoji=${r.emoji} aria-pressed=${r.mine ? 'true' : 'false'} ?disabled=${!me}
          title=${names} aria-label=${t('room:reactionLabel', { emoji: r.emoji, count: r.count, names })}
          @click=${() => this._react(m, r.emoji, !r.mine)}>
          <span aria-hidden="true">${r.emoji}</span> <span class="room-reaction-count">${formatNumber(r.count)}</span></button></li>`;
      })}
    </ul>`;
  }

  _startEdit(m) {
    this._editing = m.seq;
    this.updateComplete.then(() => {
      const area = this.querySelector(`#edit-${m.seq}`);
      area?.focus();
      area?.setSelectionRange(area.value.length, area.value.length);
    });
  }

  _renderEditor(m) {
    return html`<form class="room-edit" @submit=${(e) => this._saveEdit(m, e)}>
      <label class="visually-hidden" for=${`edit-${m.seq}`}>${t('room:editLabel')}</label>
      <textarea id=${`edit-${m.seq}`} data-testid="edit-text" rows="2" .value=${m.text || ''}
        @keydown=${(e) => this._editKeys(m, e)}></textarea>
      <div class="form-actions">
        <button type="submit" class="primary" data-testid="save-edit">${t('common:actions.save')}</button>
        <button type="button" @click=${() => { this._editing = null; }}>${t('common:actions.cancel')}</button>
        <span class="form-hint">${t('room:editHint')}</span>
      </div>
    </form>`;
  }

  _renderTyping() {
    const names = [...this._typing.values()].map((x) => x.name);
    let text = '';
    if (names.length === 1) text = t('room:typing.one', { name: names[0] });
    else if (names.length === 2) text = t('room:typing.two', { a: names[0], b: names[1] });
    else if (names.length > 2) text = t('room:typing.many', { count: names.length });
    return html`<p class="room-typing muted" aria-live="polite" data-testid="typing">${text}</p>`;
  }

  _renderComposerArea(replyTo = null) {
    const me = currentUser();
    if (this._removed) {
      return html`<div class="error-box room-removed" role="alert" data-testid="removed">
        <p>${liveErrorMessage(this._removed)}</p>
        ${this._removed === 'kicked' ? html`<button type="button" @click=${() => this._rejoin()}>${t('room:rejoin')}</button>` : nothing}
      </div>`;
    }
    if (!me) {
      return html`<p class="notice">${t('room:signInToPost')} <a href="/signin">${t('common:account.signIn')}</a></p>`;
    }
    if (this._room.archived) return html`<p class="notice">${t('room:archived')}</p>`;
    if (!this._space?.canPost) return html`<p class="notice" data-testid="not-member">${t('room:notMember')}</p>`;
    const slowLeft = this._slowUntil ? Math.max(1, Math.ceil((this._slowUntil - Date.now()) / 1000)) : 0;
    const lockedOut = this._room.locked && !this._canManage();
    const where = replyTo ?? 'main';
    const slowed = this._room.slowModeSeconds > 0 && !this._canManage();
    const note = lockedOut ? `room-locked-notice-${where}` : slowed ? `room-slow-notice-${where}` : '';
    return html`
      <div role="status">${lockedOut ? html`<p class="notice" id=${`room-locked-notice-${where}`}
        data-testid="locked-notice">${t('room:lockedNotice')}</p>` : nothing}${slowed ? html`<p class="form-hint"
        id=${`room-slow-notice-${where}`} data-testid="slow-notice">
        ${t('room:slowNotice', { seconds: this._room.slowModeSeconds })}</p>` : nothing}</div>
      ${!replyTo && this._postError ? html`<div class="error-box" role="alert" data-testid="post-error"><p>${this._postError}</p></div>` : nothing}
      <ccc-room-composer .label=${replyTo ? t('room:composer.replyLabel') : t('room:composer.label', { name: roomName(this._room) })}
        .people=${(q) => this._people(q)} ?disabled=${lockedOut || slowLeft > 0} .note=${note}
        .busyText=${slowLeft > 0 ? t('room:slowWait', { seconds: slowLeft }) : ''}
        @room-typing=${() => this._typingNow()} @room-send=${(e) => this._send(e, replyTo)}></ccc-room-composer>`;
  }

  _openThread(seq) {
    this._thread = seq;
    this.updateComplete.then(() => this.querySelector('.room-thread h2')?.focus());
  }

  _renderThread(parent) {
    const replies = this.timeline.replies(parent.seq);
    return html`<aside class="room-thread" aria-labelledby="room-thread-title" data-testid="thread"
        @keydown=${(e) => { if (e.key === 'Escape' && !e.defaultPrevented) this._thread = null; }}>
      <div class="room-thread-head">
        <h2 id="room-thread-title" tabindex="-1">${t('room:thread.title')}</h2>
        <button type="button" class="button-link" data-testid="close-thread" @click=${() => { this._thread = null; }}>
          ${t('common:actions.close')}</button>
      </div>
      ${this._renderMessage(parent, { inThread: true })}
      <p class="muted">${t('room:replies', { count: replies.length })}</p>
      <div class="room-thread-replies" role="log" aria-live="polite" aria-label=${t('room:thread.replies')}>
        ${repeat(replies, (m) => m.seq, (m) => this._renderMessage(m, { inThread: true }))}
      </div>
      ${this._removed ? nothing : this._renderComposerArea(parent.seq)}
    </aside>`;
  }

  _renderDialog() {
    const d = this._dialog;
    if (!d) return nothing;
    const name = d.person?.name ?? d.message?.author.name;
    const timed = d.kind === 'mute' || d.kind === 'ban';
    return html`<dialog class="room-dialog" aria-labelledby="room-dialog-title" data-testid="confirm-dialog"
        @close=${() => { this._dialog = null; }}>
      <form @submit=${(e) => this._confirmDialog(e)} class="stack">
        <h2 id="room-dialog-title">${t(`room:moderation.title.${d.kind}`, { name })}</h2>
        <p>${t(`room:moderation.explain.${d.kind}`, { name })}</p>
        ${timed ? html`<div class="form-field">
          <label for="room-mod-minutes">${t('room:moderation.duration')}</label>
          <select id="room-mod-minutes" name="minutes">
            ${DURATIONS.map((m) => html`<option value=${m}>${m ? t('room:moderation.minutes', { count: m })
              : t('room:moderation.untilLifted')}</option>`)}
          </select></div>` : nothing}
        ${d.kind !== 'delete' ? html`<label class="room-check"><input type="checkbox" name="wholeSpace">
          ${t('room:moderation.wholeSpace')}</label>` : nothing}
        ${d.error ? errorBox(d.error) : nothing}
        <div class="form-actions">
          <button type="submit" class="danger" data-testid="confirm">${t(`room:moderation.confirm.${d.kind}`)}</button>
          <button type="button" @click=${() => this._closeDialog()}>${t('common:actions.cancel')}</button>
        </div>
      </form>
    </dialog>`;
  }
}

customElements.define('ccc-room-page', RoomPage);
