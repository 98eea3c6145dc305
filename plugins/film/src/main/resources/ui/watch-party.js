// <ccc-film-watch-party>: the film plugin's element above a watch-party room's chat. A <video> player bound to the
// party's playback state: the host's play, pause and seek are sent as actions, and every player (the host's too)
// follows the state the server broadcasts. The position is positionMs at the server instant `at`; while playing,
// the player adds the time elapsed since the state arrived, so a late joiner starts where the party is, and a
// drift check nudges (playback rate) or jumps (seek) the player back in step; every 10 s it also reports its
// position with a `sync` action, and the server answers `resync` when it is further than the plugin's tolerance.
//
// Properties set by the room page: room, user, manager, channel = { state, send(action, payload), subscribe(fn) }.
// Playback is the host's alone (the server refuses others with `not-host`), so `manager` changes nothing here.
import { html, nothing } from 'lit';
import { CccElement } from '/ui/core/element.js';
import { t } from '/ui/core/i18n.js';
import { api } from '/ui/core/api.js';
import { filmReady, formatPosition } from './common.js';

/** Off by more than this (seconds), a player jumps to the party's position. */
const JUMP_SECONDS = 1.0;
/** Off by more than this (seconds) but less than JUMP_SECONDS, a playing player speeds up or slows down a little. */
const NUDGE_SECONDS = 0.25;
const SYNC_EVERY_MS = 10_000;
const SKIP_MS = 10_000;

export class FilmWatchParty extends CccElement {
  static properties = {
    room: { attribute: false },
    user: { attribute: false },
    manager: { type: Boolean },
    channel: { attribute: false },
    _state: { state: true },
    _ready: { state: true },
    _hostName: { state: true },
    _notice: { state: true },
    _error: { state: true },
    _videoError: { state: true },
    _muted: { state: true },
    _needsGesture: { state: true },
    _now: { state: true },
    _dragging: { state: true },
  };

  constructor() {
    super();
    this._state = null;
    this._receivedAt = 0;
    this._ready = false;
    this._hostNames = new Map();
    this._muted = false;
  }

  connectedCallback() {
    super.connectedCallback();
    filmReady().then(() => { this._ready = true; });
    this._tick = setInterval(() => this._onTick(), 1000);
    this._syncTimer = setInterval(() => this._reportPosition(), SYNC_EVERY_MS);
    this._subscribe();
  }

  disconnectedCallback() {
    clearInterval(this._tick);
    clearInterval(this._syncTimer);
    this._unsubscribe?.();
    this._unsubscribe = null;
    this._subscribedTo = null;
    super.disconnectedCallback();
  }

  willUpdate(changed) {
    if (changed.has('channel')) {
      this._subscribe();
    }
  }

  updated() {
    this._apply();
  }

  _subscribe() {
    if (!this.isConnected || !this.channel || this._subscribedTo === this.channel) return;
    this._unsubscribe?.();
    this._subscribedTo = this.channel;
    // The channel's current state may have arrived a while ago: age it by the server instant it carries.
    const initial = this.channel.state;
    if (initial) this._setState(initial, Math.max(0, Date.now() - Date.parse(initial.at) || 0));
    this._unsubscribe = this.channel.subscribe((frame) => this._onFrame(frame));
  }

  _onFrame(frame) {
    if (frame?.type === 'plugin.state' && frame.state) {
      this._setState(frame.state);
    } else if (frame?.type === 'plugin.event' && frame.event === 'host-changed') {
      this._notice = t('film:party.hostChanged');
    } else if (frame?.type === 'plugin.event' && frame.event === 'resync' && frame.payload) {
      this._setState(frame.payload);
    }
  }

  /**
   * A state from the server. Positions are computed from the moment it arrived (so a client whose clock differs
   * from the server's still follows), less `ageMs` for a state that was received before this element existed.
   */
  _setState(state, ageMs = 0) {
    this._state = state;
    this._receivedAt = performance.now() - Math.min(ageMs, 60_000);
    if (state?.open && state.host && !this._hostNames.has(state.host)) this._loadHostName(state.host);
    this._apply();
  }

  async _loadHostName(id) {
    this._hostNames.set(id, null);
    if (this.user?.id === id) return;
    try {
      const person = await api(`/people/${id}`);
      this._hostNames.set(id, person.displayName);
      this.requestUpdate();
    } catch {
      // The name is a courtesy: without it the host is shown as "another member".
    }
  }

  get _isHost() {
    return !!this.user && !!this._state?.open && this._state.host === this.user.id;
  }

  /** The party's position now, in milliseconds. */
  _expectedMs() {
    const s = this._state;
    if (!s?.open) return 0;
    let position = s.positionMs || 0;
    if (s.playing && !s.ended) position += (performance.now() - this._receivedAt) * (s.rate || 1);
    const duration = this._durationMs();
    return duration > 0 ? Math.min(position, duration) : position;
  }

  _durationMs() {
    const video = this._video();
    if (this._state?.durationMs > 0) return this._state.durationMs;
    return video && Number.isFinite(video.duration) ? Math.round(video.duration * 1000) : 0;
  }

  _video() {
    return this.querySelector('video');
  }

  /** Brings the player to the party's state: position (jump or nudge) and playing/paused. */
  _apply() {
    const video = this._video();
    const s = this._state;
    if (!video || !s?.open || video.readyState < 1) return;
    const target = this._expectedMs() / 1000;
    const diff = video.currentTime - target;
    const playing = s.playing && !s.ended;
    if (Math.abs(diff) > (playing ? JUMP_SECONDS : NUDGE_SECONDS)) {
      video.currentTime = target;
      video.playbackRate = 1;
    } else if (playing && Math.abs(diff) > NUDGE_SECONDS) {
      video.playbackRate = diff > 0 ? 0.95 : 1.05;
    } else {
      video.playbackRate = 1;
    }
    if (playing && video.paused && !this._needsGesture) {
      this._start(video);
    } else if (!playing && !video.paused) {
      video.pause();
    }
  }

  async _start(video) {
    try {
      await video.play();
    } catch (e) {
      if (e?.name !== 'NotAllowedError') return;
      video.muted = true;
      this._muted = true;
      try {
        await video.play();
        this._notice = t('film:party.autoplayMuted');
      } catch {
        this._needsGesture = true;
        this._notice = t('film:party.autoplayBlocked');
      }
    }
  }

  _onTick() {
    this._now = Date.now();
    this._apply();
  }

  /**
   * Sends an action. An accepted action answers with a `plugin.state` to everyone (or nothing when it changed
   * nothing), not with a reply to this request, so the promise is only used for refusals and replies.
   */
  _send(action, payload, onError) {
    if (!this.channel) return;
    this.channel.send(action, payload).then((reply) => {
      if (reply) this._onFrame(reply);
    }, onError);
  }

  _reportPosition() {
    const video = this._video();
    const s = this._state;
    if (!this.user || !video || !s?.open || !s.playing || s.ended || video.readyState < 1) return;
    this._send('sync', { positionMs: Math.round(video.currentTime * 1000) }, (error) => {
      this._error = t('film:party.syncFailed', { message: error?.message || error?.code || '' });
    });
  }

  _act(action, payload) {
    this._error = null;
    this._send(action, payload, (error) => {
      const message = error?.code === 'not-host' ? t('film:party.notHost') : (error?.message || error?.code || '');
      this._error = t('film:party.actionFailed', { message });
    });
  }

  _togglePlay() {
    this._act(this._state.playing ? 'pause' : 'play');
  }

  _seekTo(ms) {
    const duration = this._durationMs();
    const to = Math.max(0, Math.round(duration > 0 ? Math.min(ms, duration) : ms));
    this._act('seek', { positionMs: to });
  }

  _onSlider(e) {
    this._dragging = null;
    this._seekTo(Number(e.target.value) * 1000);
  }

  _toggleMute() {
    const video = this._video();
    if (!video) return;
    video.muted = !video.muted;
    this._muted = video.muted;
    if (!video.muted && this._notice === t('film:party.autoplayMuted')) this._notice = null;
  }

  _join() {
    this._needsGesture = false;
    this._notice = null;
    const video = this._video();
    if (video) this._start(video);
  }

  _fullscreen() {
    const video = this._video();
    video?.requestFullscreen?.().catch(() => {});
  }

  _hostLine() {
    if (this._isHost) return t('film:party.youHost');
    const name = this._hostNames.get(this._state.host) || t('film:party.someone');
    return t('film:party.hostIs', { name });
  }

  render() {
    if (!this._ready) return nothing;
    const s = this._state;
    const title = s?.title || this.room?.name || t('film:party.untitled');
    if (!s) {
      return html`<section class="film-party" aria-label=${t('film:party.label')}>
        <p class="state" role="status">${t('common:loading')}</p></section>`;
    }
    if (!s.open) {
      return html`<section class="film-party" aria-label=${t('film:party.label')}>
        <p class="notice" data-testid="film-closed">${t('film:party.notOpen')}</p></section>`;
    }
    const host = this._isHost;
    const position = this._expectedMs();
    const duration = this._durationMs();
    const playing = s.playing && !s.ended;
    const explain = 'film-party-explain';
    return html`<section class="film-party" aria-label=${t('film:party.label')} data-testid="film-party"
        data-host=${host ? 'true' : 'false'}>
      <div class="film-party-screen">
        ${s.videoUrl ? html`<video preload="auto" playsinline src=${s.videoUrl} data-testid="film-video"
            aria-label=${t('film:party.player', { title })}
            @loadedmetadata=${() => this._apply()} @canplay=${() => this._apply()}
            @error=${() => { this._videoError = true; }} @loadstart=${() => { this._videoError = false; }}></video>`
          : html`<div class="film-party-empty" data-testid="film-no-video">${t('film:party.noVideo')}</div>`}
      </div>
      ${this._videoError ? html`<p class="error-box" role="alert">${t('film:party.videoFailed', { url: s.videoUrl })}</p>` : nothing}
      <div class="film-party-controls">
        <button type="button" class="primary" data-testid="film-toggle" ?disabled=${!host || s.ended}
            aria-describedby=${host ? nothing : explain} @click=${this._togglePlay}>
          ${playing ? t('film:party.pause') : t('film:party.play')}</button>
        <button type="button" ?disabled=${!host} aria-describedby=${host ? nothing : explain}
            @click=${() => this._seekTo(position - SKIP_MS)}>${t('film:party.back')}</button>
        <button type="button" ?disabled=${!host} aria-describedby=${host ? nothing : explain}
            @click=${() => this._seekTo(position + SKIP_MS)}>${t('film:party.forward')}</button>
        <label class="visually-hidden" for="film-position">${t('film:party.position')}</label>
        <input id="film-position" type="range" min="0" step="1" data-testid="film-position"
            max=${Math.max(1, Math.floor(duration / 1000))} .value=${String(this._dragging ?? Math.floor(position / 1000))}
            ?disabled=${!host} aria-describedby=${host ? nothing : explain}
            aria-valuetext=${t('film:party.positionValue', { position: formatPosition(position), duration: formatPosition(duration) })}
            @input=${(e) => { this._dragging = Number(e.target.value); }} @change=${this._onSlider}>
        <span class="film-party-time">${formatPosition(position)} / ${formatPosition(duration)}</span>
        ${s.videoUrl ? html`<button type="button" aria-pressed=${this._muted ? 'true' : 'false'} @click=${this._toggleMute}>
            ${this._muted ? t('film:party.unmute') : t('film:party.mute')}</button>
          <button type="button" @click=${this._fullscreen}>${t('film:party.fullscreen')}</button>` : nothing}
      </div>
      <p class="film-party-status" role="status" data-testid="film-status">
        <span class="badge">${s.ended ? t('film:party.ended') : playing ? t('film:party.playing') : t('film:party.paused')}</span>
        ${this._hostLine()}
      </p>
      ${host ? nothing : html`<p class="muted film-party-status" id=${explain}>
        ${this.user ? t('film:party.guestControls') : t('film:party.signInToFollow')}</p>`}
      ${this._needsGesture ? html`<p><button type="button" class="primary" @click=${this._join}>${t('film:party.join')}</button></p>` : nothing}
      ${this._notice ? html`<p class="notice" role="status">${this._notice}</p>` : nothing}
      ${this._error ? html`<p class="error-box" role="alert">${this._error}</p>` : nothing}
    </section>`;
  }
}

customElements.define('ccc-film-watch-party', FilmWatchParty);
