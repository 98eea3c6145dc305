// The live-room client (docs/protocol.md): ONE WebSocket per tab, shared by the room page, the plugin elements it
// hosts and the notification bell. It authenticates with a single-use ticket when signed in (a visitor otherwise),
// reconnects with exponential backoff and jitter, re-joins every room with `since` (so the room resumes with no
// gap), re-sends un-acked posts with their original clientMessageId (the server answers duplicates with the
// original ack), deduplicates sequenced events by `seq`, and correlates requests and answers by frame `id`.
import { api } from './api.js';
import { token } from './session.js';
import { t } from './i18n.js';

const SEQUENCED = new Set(['message', 'edit', 'delete', 'reaction', 'system']);
/** How long an action waits for a refusal or a reply before it counts as accepted without one. */
const ACTION_SETTLE_MS = 5000;
/** How long any other request waits for its answer before it fails with a "timeout" error. */
const REQUEST_TIMEOUT_MS = 15000;
const ANSWERS = new Set(['welcome', 'ack', 'left', 'reset', 'error', 'plugin.event']);
/** Errors after which the frame may simply be sent again (a post: the server answers a duplicate with its ack). */
const RETRYABLE = new Set(['internal', 'rate-limited', 'timeout']);
/** Errors that take the person out of a room: the channel stops re-joining it. */
const REMOVALS = new Set(['kicked', 'banned', 'access-revoked', 'room-deleted']);
const MAX_BACKOFF_MS = 10000;

/** A refused or failed live request: `code` is the protocol's error code, `message` a sentence for people. */
export class LiveError extends Error {
  constructor(code, reason, frame = null) {
    super(liveErrorMessage(code, reason));
    this.name = 'LiveError';
    this.code = code;
    this.reason = reason;
    this.frame = frame;
  }
}

/** A clear sentence for an error code, in the active language (the server's reason when it says more). */
export function liveErrorMessage(code, reason) {
  switch (code) {
    case 'forbidden':
    case 'vetoed':
    case 'slow-mode':
      return reason || t(`room:errors.${code}`);
    case 'disconnected':
    case 'unauthorized':
    case 'not-found':
    case 'too-long':
    case 'rate-limited':
    case 'kicked':
    case 'banned':
    case 'access-revoked':
    case 'room-deleted':
    case 'internal':
    case 'plugin-failed':
    case 'timeout':
    case 'closed':
      return t(`room:errors.${code}`);
    default:
      return reason || t('room:errors.unknown', { code });
  }
}

let frameCounter = 0;
function nextId(prefix) {
  frameCounter += 1;
  return `${prefix}${frameCounter.toString(36)}`;
}

function newClientMessageId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** One room as seen through the shared connection. */
class RoomChannel {
  constructor(connection, roomId) {
    this.connection = connection;
    this.roomId = roomId;
    /** The highest seq seen (welcome's latestSeq, then every event); null before the first welcome. */
    this.lastSeq = null;
    /** The kind's state (welcome.roomState, then each plugin.state). */
    this.roomState = null;
    this.welcome = null;
    /** Set when a moderator or a membership change removed us: we stop re-joining. */
    this.removed = null;
    this.listeners = new Set();
    this.pluginListeners = new Set();
    this.outbox = new Map();
    this.refs = 0;
    /** True between this connection's welcome and the socket's end. */
    this.joined = false;
    /** The plugin element contract (see ui-brief): state, send(action, payload), subscribe(listener). */
    const self = this;
    this.plugin = {
      get state() {
        return self.roomState;
      },
      // An accepted action is answered by plugin.state to everyone, and by a plugin.event carrying the id only
      // when the kind replies; an accepted action that changes nothing gets no frame at all. So the promise
      // rejects on the error frame, resolves with the reply, or resolves empty once no error came in time.
      send: (action, payload) => self.request({ type: 'action', action, payload: payload ?? {} },
        { settleAfterMs: ACTION_SETTLE_MS }),
      subscribe: (listener) => {
        self.pluginListeners.add(listener);
        return () => self.pluginListeners.delete(listener);
      },
    };
  }

  /** Listens to every frame of this room (sequenced events already deduplicated); returns an unsubscribe fn. */
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(frame) {
    for (const l of [...this.listeners]) {
      try {
        l(frame);
      } catch (e) {
        console.error(e);
      }
    }
  }

  emitPlugin(frame) {
    for (const l of [...this.pluginListeners]) {
      try {
        l(frame);
      } catch (e) {
        console.error(e);
      }
    }
  }

  /** Joins (or re-joins with `since`) once the connection is open; resolves with the welcome. */
  join() {
    this.removed = null;
    const frame = { type: 'join' };
    if (this.lastSeq !== null) frame.since = this.lastSeq;
    return this.request(frame);
  }

  /**
   * Sends a frame of this room; resolves with the server's answer and rejects with its error frame, as
   * {@link LiveConnection#request} (`options`: `settleAfterMs` or `timeoutMs`). What still waits when the channel
   * closes rejects with a "closed" error.
   */
  request(frame, options = {}) {
    return this.connection.request({ ...frame, room: this.roomId }, { ...options, owner: this });
  }

  /** Posts a message; it survives reconnects (same clientMessageId) until acked or refused. Resolves with the ack. */
  post(text, replyTo) {
    const clientMessageId = newClientMessageId();
    return new Promise((resolve, reject) => {
      const item = { clientMessageId, text, replyTo, resolve, reject };
      this.outbox.set(clientMessageId, item);
      this.sendPost(item);
    });
  }

  /** The posts not acknowledged yet (shown as "sending…"). */
  pending() {
    return [...this.outbox.values()].map(({ clientMessageId, text, replyTo }) => ({ clientMessageId, text, replyTo }));
  }

  sendPost(item) {
    if (!this.connection.isOpen() || !this.joined) return; // re-sent after the next welcome
    const frame = { type: 'post', clientMessageId: item.clientMessageId, text: item.text };
    if (item.replyTo) frame.replyTo = item.replyTo;
    this.request(frame).then((ack) => {
      this.outbox.delete(item.clientMessageId);
      item.resolve(ack);
    }, (error) => {
      if (error.code === 'disconnected') return; // still in the outbox: re-sent after the next welcome
      if (RETRYABLE.has(error.code)) {
        setTimeout(() => this.sendPost(item), 2000);
        return;
      }
      this.outbox.delete(item.clientMessageId);
      item.reject(error);
    });
  }

  /**
   * The last holder released the channel: every request still waiting for its answer, and every post not yet
   * acknowledged, rejects with a "closed" error (nothing re-sends them any more).
   */
  close() {
    this.joined = false;
    this.connection.failAnswers((waiting) => waiting.owner === this, 'closed');
    const unsent = [...this.outbox.values()];
    this.outbox.clear();
    for (const item of unsent) item.reject(new LiveError('closed'));
  }

  /** After each welcome: re-send what was not acknowledged, in the order it was written. */
  flushOutbox() {
    for (const item of this.outbox.values()) this.sendPost(item);
  }

  typing() {
    if (this.connection.isOpen() && this.joined) {
      this.connection.send({ type: 'typing', room: this.roomId });
    }
  }

  edit(target, text) {
    return this.request({ type: 'edit', target, text });
  }

  remove(target) {
    return this.request({ type: 'delete', target });
  }

  react(target, emoji, add) {
    return this.request({ type: 'react', target, emoji, action: add ? 'add' : 'remove' });
  }

  /** Handles one frame of this room from the connection. */
  receive(frame) {
    switch (frame.type) {
      case 'welcome':
        this.welcome = frame;
        this.joined = true;
        this.roomState = frame.roomState ?? null;
        if (this.lastSeq === null) this.lastSeq = frame.latestSeq;
        this.emit(frame);
        this.emitPlugin({ type: 'plugin.state', state: this.roomState, synthetic: true });
        break;
      case 'reset':
        // Too far behind: the page reloads history up to latestSeq; everything after it arrives live.
        this.lastSeq = frame.latestSeq;
        this.emit(frame);
        break;
      case 'plugin.state':
        this.roomState = frame.state;
        this.emit(frame);
        this.emitPlugin(frame);
        break;
      case 'plugin.event':
        this.emit(frame);
        this.emitPlugin(frame);
        break;
      case 'error':
        if (REMOVALS.has(frame.code)) {
          this.removed = frame.code;
          this.joined = false;
        }
        this.emit(frame);
        break;
      default:
        if (SEQUENCED.has(frame.type)) {
          if (this.lastSeq !== null && frame.seq <= this.lastSeq) return; // seen already
          this.lastSeq = frame.seq;
        }
        this.emit(frame);
        // A module's system events (API 1.3) are its element's business too: "track 3 of 12".
        if (frame.type === 'system') this.emitPlugin(frame);
    }
    if (frame.type === 'welcome') this.flushOutbox();
  }
}

/**
 * The tab's live connection. Events: "state" (detail: {state}), "mention" and "notification" (detail: the frame),
 * "hello".
 */
class LiveConnection extends EventTarget {
  constructor() {
    super();
    /** "idle" (no socket wanted), "connecting", "open", "reconnecting". */
    this.state = 'idle';
    this.user = null;
    this.socket = null;
    this.rooms = new Map();
    this.pendingAnswers = new Map();
    this.holders = 0;
    this.attempt = 0;
    this.retryTimer = null;
    this.retryAt = null;
    this.identity = token();
    this.lastError = null;
    this.connecting = null;
    window.addEventListener('ccc-session-changed', () => {
      if (token() !== this.identity) {
        this.identity = token();
        this.restart();
      }
    });
  }

  isOpen() {
    return this.state === 'open';
  }

  setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.dispatchEvent(new CustomEvent('state', { detail: { state, retryAt: this.retryAt, error: this.lastError } }));
  }

  /** Keeps the socket open while someone (a room page, the badge) needs it; returns a release fn. */
  retain() {
    this.holders += 1;
    this.ensure();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holders -= 1;
      if (this.holders <= 0) this.close();
    };
  }

  /** The channel of a room, joined for as long as it is held; `release()` leaves when nobody holds it. */
  room(roomId) {
    const id = Number(roomId);
    let channel = this.rooms.get(id);
    if (!channel) {
      channel = new RoomChannel(this, id);
      this.rooms.set(id, channel);
    }
    channel.refs += 1;
    const releaseSocket = this.retain();
    if (this.isOpen() && channel.refs === 1) channel.join().catch(() => {});
    let released = false;
    channel.release = () => {
      if (released) return;
      released = true;
      channel.refs -= 1;
      if (channel.refs <= 0) {
        this.rooms.delete(id);
        channel.close();
        if (this.isOpen()) this.request({ type: 'leave', room: id }).catch(() => {});
      }
      releaseSocket();
    };
    return channel;
  }

  ensure() {
    // One connection at a time: a second holder arriving while the first waits for its ticket (the bell and the
    // room page, on a fast first load) must not open a second socket.
    if (this.socket || this.retryTimer || this.connecting || this.holders <= 0) return;
    this.connecting = this.connect().finally(() => { this.connecting = null; });
  }

  restart() {
    if (this.socket) {
      const s = this.socket;
      this.socket = null;
      s.close(1000, 'session changed');
      this.onSocketGone();
    }
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.attempt = 0;
    this.ensure();
  }

  close() {
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.socket) {
      const s = this.socket;
      this.socket = null;
      s.close(1000, 'done');
    }
    this.failAnswers();
    this.setState('idle');
  }

  async connect() {
    this.setState(this.attempt === 0 && this.state !== 'reconnecting' ? 'connecting' : 'reconnecting');
    let query = '';
    if (token()) {
      try {
        const ticket = await api('/live/tickets', { method: 'POST' });
        query = `?ticket=${encodeURIComponent(ticket.ticket)}`;
      } catch (e) {
        if (e.status !== 401) {
          this.lastError = e;
          this.scheduleRetry();
          return;
        }
        // The token is no longer valid: the session module forgets it; continue as a visitor.
      }
    }
    if (this.holders <= 0) {
      this.setState('idle');
      return;
    }
    const url = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws${query}`;
    let socket;
    try {
      socket = new WebSocket(url);
    } catch (e) {
      this.lastError = e;
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.addEventListener('message', (event) => {
      if (this.socket !== socket) return;
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        console.error('live: not JSON', event.data);
        return;
      }
      this.onFrame(frame);
    });
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.lastError = event.code === 1000 ? null : new LiveError(`close-${event.code}`, event.reason);
      this.onSocketGone();
      if (this.holders > 0) this.scheduleRetry();
      else this.setState('idle');
    });
  }

  onSocketGone() {
    for (const channel of this.rooms.values()) channel.joined = false;
    this.failAnswers();
    if (this.state === 'open') this.setState('reconnecting');
  }

  /** Rejects the requests waiting for an answer (those `which` selects; all by default) with a `code` error. */
  failAnswers(which = () => true, code = 'disconnected') {
    for (const [id, waiting] of [...this.pendingAnswers]) {
      if (!which(waiting)) continue;
      this.pendingAnswers.delete(id);
      clearTimeout(waiting.timer);
      waiting.reject(new LiveError(code));
    }
  }

  scheduleRetry() {
    this.setState('reconnecting');
    const base = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempt);
    const delay = Math.round(base / 2 + Math.random() * (base / 2));
    this.attempt = Math.min(this.attempt + 1, 10);
    this.retryAt = Date.now() + delay;
    this.dispatchEvent(new CustomEvent('state', { detail: { state: this.state, retryAt: this.retryAt,
      error: this.lastError } }));
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.holders > 0 && !this.socket) this.connect();
    }, delay);
  }

  /** Tries again now (the "reconnect now" button). */
  reconnectNow() {
    if (this.socket) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.connect();
  }

  onFrame(frame) {
    if (frame.type === 'hello') {
      this.user = frame.user;
      this.attempt = 0;
      this.retryAt = null;
      this.lastError = null;
      this.setState('open');
      this.dispatchEvent(new CustomEvent('hello', { detail: frame }));
      for (const channel of this.rooms.values()) {
        if (!channel.removed) channel.join().catch(() => {});
      }
      return;
    }
    if (frame.type === 'mention') {
      this.dispatchEvent(new CustomEvent('mention', { detail: frame }));
      return;
    }
    if (frame.type === 'notification') {
      this.dispatchEvent(new CustomEvent('notification', { detail: frame }));
      return;
    }
    const channel = frame.room !== undefined ? this.rooms.get(Number(frame.room)) : null;
    if (channel) channel.receive(frame);
    // The answer last, so that the channel saw the welcome (lastSeq) before the join's promise resolves.
    if (frame.id && ANSWERS.has(frame.type) && this.pendingAnswers.has(frame.id)) {
      const waiting = this.pendingAnswers.get(frame.id);
      this.pendingAnswers.delete(frame.id);
      clearTimeout(waiting.timer);
      if (frame.type === 'error') waiting.reject(new LiveError(frame.code, frame.reason, frame));
      else waiting.resolve(frame);
    } else if (frame.type === 'error' && !channel) {
      this.dispatchEvent(new CustomEvent('error-frame', { detail: frame }));
    }
  }

  send(frame) {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /**
   * Sends a frame with a fresh id; resolves with its answer, rejects with its error frame. Nothing waits (or is
   * remembered) for ever: with `settleAfterMs`, a frame that may get no answer (a plugin action that changed nothing)
   * resolves with undefined after that long; any other frame rejects with a "timeout" error once `timeoutMs` passed
   * without an answer. `owner` (a room channel) lets the channel reject what still waits when it closes.
   */
  request(frame, { settleAfterMs, timeoutMs = REQUEST_TIMEOUT_MS, owner = null } = {}) {
    if (!this.isOpen()) return Promise.reject(new LiveError('disconnected'));
    const id = nextId(frame.type.charAt(0));
    const withId = { ...frame, id };
    return new Promise((resolve, reject) => {
      const expire = () => {
        if (!this.pendingAnswers.delete(id)) return;
        if (settleAfterMs) resolve(undefined);
        else reject(new LiveError('timeout'));
      };
      const timer = setTimeout(expire, settleAfterMs || timeoutMs);
      this.pendingAnswers.set(id, { resolve, reject, owner, timer });
      if (!this.send(withId)) {
        this.pendingAnswers.delete(id);
        clearTimeout(timer);
        reject(new LiveError('disconnected'));
      }
    });
  }
}

let shared = null;

/** The tab's one live connection. */
export function live() {
  if (!shared) shared = new LiveConnection();
  return shared;
}
