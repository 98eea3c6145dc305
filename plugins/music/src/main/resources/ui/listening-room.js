// <ccc-music-listening-room>: the music plugin's element above a listening room's chat. It shows the track now
// playing with an <audio> player that everyone hears at the same second, the queue (vote up; the host moves,
// removes and skips), and a form to add a track from a link on an allowed host or from an audio file.
//
// Time works like the film watch party: the state carries the track now playing with its positionMs at the server
// instant `at`; the player adds the time elapsed since the state arrived, so a late joiner starts where the others
// are, and it jumps back in step when it drifts. When a track ends the server's timer starts the next one and
// announces it with the system event `track-started` (or `queue-ended`), whose payload carries the new track and
// the ids of the tracks still waiting.
//
// Properties set by the room page: room, user, manager, channel = { state, send(action, payload), subscribe(fn) }.
import { html, nothing } from 'lit';
import { CccElement } from '/ui/core/element.js';
import { t } from '/ui/core/i18n.js';
import { api } from '/ui/core/api.js';
import { musicReady, formatTime } from './common.js';

/** Off by more than this (seconds), the player jumps to the room's position. */
const JUMP_SECONDS = 1.0;

export class MusicListeningRoom extends CccElement {
  static properties = {
    room: { attribute: false },
    user: { attribute: false },
    manager: { type: Boolean },
    channel: { attribute: false },
    _state: { state: true },
    _ready: { state: true },
    _rules: { state: true },
    _source: { state: true },
    _busy: { state: true },
    _notice: { state: true },
    _error: { state: true },
    _needsGesture: { state: true },
    _audioError: { state: true },
    _now: { state: true },
  };

  constructor() {
    super();
    this._state = null;
    this._receivedAt = 0;
    this._ready = false;
    this._source = 'url';
    this._stateWaiters = [];
  }

  connectedCallback() {
    super.connectedCallback();
    musicReady().then(() => { this._ready = true; });
    this._tick = setInterval(() => this._onTick(), 1000);
    this._subscribe();
    this._loadRules();
  }

  disconnectedCallback() {
    clearInterval(this._tick);
    this._unsubscribe?.();
    this._unsubscribe = null;
    this._subscribedTo = null;
    super.disconnectedCallback();
  }

  willUpdate(changed) {
    if (changed.has('channel')) this._subscribe();
    if (changed.has('room')) this._loadRules();
  }

  updated() {
    this._apply();
  }

  _subscribe() {
    if (!this.isConnected || !this.channel || this._subscribedTo === this.channel) return;
    this._unsubscribe?.();
    this._subscribedTo = this.channel;
    const initial = this.channel.state;
    if (initial) this._setState(initial, Math.max(0, Date.now() - Date.parse(initial.at) || 0));
    this._unsubscribe = this.channel.subscribe((frame) => this._onFrame(frame));
  }

  /** The city's rules for tracks (allowed hosts), from the room's space. */
  async _loadRules() {
    if (!this.room || this._rulesFor === this.room.id) return;
    this._rulesFor = this.room.id;
    try {
      const space = await api(`/spaces/${this.room.space}`);
      this._city = space.city;
      if (this._city) this._rules = await api(`/plugins/music/cities/${encodeURIComponent(this._city)}/rules`);
    } catch {
      // Without the rules the form still works; the server checks every track.
    }
  }

  _onFrame(frame) {
    if (frame?.type === 'plugin.state' && frame.state) {
      this._setState(frame.state);
      for (const resolve of this._stateWaiters.splice(0)) resolve(true);
    } else if (frame?.type === 'system' && (frame.event === 'track-started' || frame.event === 'queue-ended')) {
      this._advance(frame.payload || {});
    }
  }

  /**
   * A track started by itself: the new track, and the queue less the tracks that are no longer waiting. An event
   * older than the state (replayed after a re-join, whose welcome already has the current state) changes nothing.
   */
  _advance(payload) {
    const s = this._state;
    if (!s?.open || !(Date.parse(payload.at) > Date.parse(s.at))) return;
    const byId = new Map((s.queue || []).map((track) => [track.id, track]));
    if (s.nowPlaying) byId.set(s.nowPlaying.id, s.nowPlaying);
    const queue = (payload.queue || []).map((id) => byId.get(id)).filter(Boolean);
    this._setState({ ...s, nowPlaying: payload.nowPlaying ?? null, queue, plays: payload.plays ?? s.plays,
      at: payload.at ?? s.at });
  }

  _setState(state, ageMs = 0) {
    const before = this._state?.nowPlaying?.number;
    this._state = state;
    this._receivedAt = performance.now() - Math.min(ageMs, 60_000);
    if (state?.nowPlaying?.number !== before) this._audioError = false;
    this._apply();
  }

  get _isHost() {
    return !!this.user && !!this._state?.open && (this._state.host === this.user.id || !!this.manager);
  }

  /** The position in the track now playing, in milliseconds. */
  _positionMs() {
    const playing = this._state?.nowPlaying;
    if (!playing) return 0;
    const position = (playing.positionMs || 0) + (performance.now() - this._receivedAt);
    return Math.min(Math.max(0, position), playing.durationMs);
  }

  _audio() {
    return this.querySelector('audio');
  }

  /** Brings the player to the room: the track's position, playing while the track lasts. */
  _apply() {
    const audio = this._audio();
    const playing = this._state?.nowPlaying;
    if (!audio || !playing || audio.readyState < 1) return;
    const target = this._positionMs() / 1000;
    if (Math.abs(audio.currentTime - target) > JUMP_SECONDS) audio.currentTime = target;
    const running = this._positionMs() < playing.durationMs;
    if (running && audio.paused && !this._needsGesture) {
      audio.play().catch((e) => {
        if (e?.name === 'NotAllowedError') this._needsGesture = true;
      });
    } else if (!running && !audio.paused) {
      audio.pause();
    }
  }

  _onTick() {
    this._now = Date.now();
    this._apply();
  }

  _join() {
    this._needsGesture = false;
    this._apply();
  }

  _message(error) {
    const known = error?.code ? t(`music:room.errors.${error.code}`) : null;
    const message = known && known !== `music:room.errors.${error.code}` ? known
      : (error?.message || error?.reason || error?.detail || error?.code || '');
    return t('music:room.refused', { message });
  }

  /**
   * Sends an action. An accepted one comes back as a state frame to everyone and a refused one as an error, so the
   * promise resolves true at the next state frame, false at the error (whichever comes first), and true when the
   * channel settles without either (an action that changed nothing).
   */
  _act(action, payload) {
    this._error = null;
    if (!this.channel) return Promise.resolve(false);
    const accepted = new Promise((resolve) => this._stateWaiters.push(resolve));
    const sent = this.channel.send(action, payload).then(() => true, (error) => {
      this._error = this._message(error);
      return false;
    });
    return Promise.race([accepted, sent]);
  }

  async _add(e) {
    e.preventDefault();
    const form = e.target;
    const title = form.elements.title.value.trim();
    const seconds = form.elements.seconds.value;
    const payload = { title };
    if (seconds !== '') payload.durationMs = Math.round(Number(seconds) * 1000);
    this._busy = true;
    this._notice = null;
    this._error = null;
    try {
      if (this._source === 'file') {
        const file = form.elements.file.files[0];
        if (!file) return;
        const uploaded = await api(`/plugins/music/cities/${encodeURIComponent(this._city)}/uploads`,
          { method: 'POST', body: file, query: { name: file.name }, headers: { 'Content-Type': file.type || 'application/octet-stream' } });
        payload.mediaId = uploaded.mediaId;
      } else {
        payload.url = form.elements.url.value.trim();
      }
      if (await this._act('add', payload)) {
        form.reset();
        this._notice = t('music:room.added');
      }
    } catch (error) {
      this._error = this._message({ message: error?.problem?.detail || error?.message });
    } finally {
      this._busy = false;
    }
  }

  _renderNowPlaying(s) {
    const playing = s.nowPlaying;
    if (!playing) {
      return html`<div class="music-now"><p class="muted" data-testid="music-idle">${t('music:room.idle')}</p></div>`;
    }
    const position = this._positionMs();
    return html`<div class="music-now" data-testid="music-now">
      <p class="muted">${t('music:room.nowPlaying')} · ${t('music:room.trackOf', { number: playing.number })}</p>
      <h3 data-testid="music-now-title">${playing.title}</h3>
      <audio preload="auto" src=${playing.url} data-testid="music-audio" aria-label=${playing.title}
          @loadedmetadata=${() => this._apply()} @canplay=${() => this._apply()}
          @error=${() => { this._audioError = true; }}></audio>
      <progress max=${playing.durationMs} .value=${position} aria-label=${t('music:room.progress')}
          aria-valuetext=${t('music:room.position', { position: formatTime(position), duration: formatTime(playing.durationMs) })}></progress>
      <div class="music-row">
        <span class="music-time" data-testid="music-position">${formatTime(position)} / ${formatTime(playing.durationMs)}</span>
        ${this._isHost ? html`<button type="button" data-testid="music-skip" @click=${() => this._act('skip')}>
          ${t('music:room.skip')}</button>` : nothing}
      </div>
      ${this._audioError ? html`<p class="error-box" role="alert">${t('music:room.audioFailed')}</p>` : nothing}
    </div>`;
  }

  _renderQueue(s) {
    const queue = s.queue || [];
    const host = this._isHost;
    return html`<section aria-labelledby="music-queue-title">
      <h3 id="music-queue-title">${t('music:room.queue')}</h3>
      ${queue.length === 0 ? html`<p class="muted">${t('music:room.queueEmpty')}</p>` : html`
      <ol class="music-queue" data-testid="music-queue">
        ${queue.map((track, i) => {
          const voted = !!this.user && (track.voters || []).includes(this.user.id);
          return html`<li data-testid="music-track" data-track=${track.id}>
            <span class="music-title">${track.title}</span>
            <span class="music-time">${formatTime(track.durationMs)}</span>
            <span class="badge" data-testid="music-votes">${t('music:room.votes', { count: track.votes })}</span>
            ${this.user ? html`<button type="button" data-testid="music-vote" ?disabled=${voted}
                aria-label=${t('music:room.voteFor', { title: track.title })}
                @click=${() => this._act('vote', { trackId: track.id })}>
              ${voted ? t('music:room.voted') : t('music:room.vote')}</button>` : nothing}
            ${host ? html`
              <button type="button" ?disabled=${i === 0} aria-label=${t('music:room.upFor', { title: track.title })}
                  @click=${() => this._act('move', { trackId: track.id, index: i - 1 })}>${t('music:room.up')}</button>
              <button type="button" ?disabled=${i === queue.length - 1}
                  aria-label=${t('music:room.downFor', { title: track.title })}
                  @click=${() => this._act('move', { trackId: track.id, index: i + 1 })}>${t('music:room.down')}</button>
              <button type="button" data-testid="music-remove" aria-label=${t('music:room.removeFor', { title: track.title })}
                  @click=${() => this._act('remove', { trackId: track.id })}>${t('music:room.remove')}</button>` : nothing}
          </li>`;
        })}
      </ol>`}
    </section>`;
  }

  _renderAdd() {
    if (!this.user) return html`<p class="muted">${t('music:room.signIn')}</p>`;
    const hosts = this._rules?.allowedHosts || [];
    const file = this._source === 'file';
    return html`<form class="music-add" data-testid="music-add" @submit=${this._add}>
      <h3>${t('music:room.add')}</h3>
      <fieldset>
        <legend class="visually-hidden">${t('music:room.source')}</legend>
        <label><input type="radio" name="source" value="url" ?checked=${!file} .checked=${!file}
            @change=${() => { this._source = 'url'; }}> ${t('music:room.sourceLink')}</label>
        <label><input type="radio" name="source" value="file" data-testid="music-source-file" ?checked=${file}
            .checked=${file}
            @change=${() => { this._source = 'file'; }}> ${t('music:room.sourceFile')}</label>
      </fieldset>
      <div class="music-row">
        <div class="form-field">
          <label for="music-title">${t('music:room.title')}</label>
          <input id="music-title" name="title" required maxlength="200" data-testid="music-title">
        </div>
        ${file ? html`<div class="form-field">
            <label for="music-file">${t('music:room.file')}</label>
            <input id="music-file" name="file" type="file" accept="audio/*" required data-testid="music-file">
          </div>` : html`<div class="form-field">
            <label for="music-url">${t('music:room.url')}</label>
            <input id="music-url" name="url" type="url" required maxlength="2000" data-testid="music-url"
                aria-describedby="music-url-help">
            <small id="music-url-help" class="muted">${hosts.length
              ? t('music:room.urlHelp', { hosts: hosts.join(', ') }) : t('music:room.noHosts')}</small>
          </div>`}
        <div class="form-field">
          <label for="music-seconds">${t('music:room.seconds')}</label>
          <input id="music-seconds" name="seconds" type="number" min="1" step="1" ?required=${!file}
              data-testid="music-seconds" aria-describedby=${file ? 'music-seconds-help' : nothing}>
          ${file ? html`<small id="music-seconds-help" class="muted">${t('music:room.secondsHelp')}</small>` : nothing}
        </div>
      </div>
      <p><button type="submit" class="primary" data-testid="music-submit" ?disabled=${this._busy}>
        ${this._busy ? t('music:room.adding') : t('music:room.submit')}</button></p>
    </form>`;
  }

  render() {
    if (!this._ready) return nothing;
    const s = this._state;
    if (!s) {
      return html`<section class="music-room" aria-label=${t('music:room.label')}>
        <p class="state" role="status">${t('common:loading')}</p></section>`;
    }
    if (!s.open) {
      return html`<section class="music-room" aria-label=${t('music:room.label')}>
        <p class="notice" data-testid="music-closed">${t('music:room.closed')}</p></section>`;
    }
    return html`<section class="music-room" aria-label=${t('music:room.label')} data-testid="music-room"
        data-host=${this._isHost ? 'true' : 'false'}>
      ${this._renderNowPlaying(s)}
      ${this._needsGesture ? html`<p><button type="button" class="primary" data-testid="music-join" @click=${this._join}>
        ${t('music:room.join')}</button> <span class="muted">${t('music:room.autoplayBlocked')}</span></p>` : nothing}
      <p class="muted">${this._isHost ? t('music:room.youHost') : t('music:room.guest')}</p>
      ${this._renderQueue(s)}
      ${this._renderAdd()}
      ${this._notice ? html`<p class="notice" role="status">${this._notice}</p>` : nothing}
      ${this._error ? html`<p class="error-box" role="alert" data-testid="music-error">${this._error}</p>` : nothing}
    </section>`;
  }
}

customElements.define('ccc-music-listening-room', MusicListeningRoom);
