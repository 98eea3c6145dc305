// <ccc-literature-round-robin>: the literature plugin's element above a round-robin story's chat. The story so far,
// the rota with the one whose turn it is, the time left, and the writing box for the one whose turn it is (the server
// refuses everyone else with `not-your-turn`). The story is a text work: a link opens it among the works, where it
// can be exported and forked. A turn that times out arrives as the system event `turn-timed-out` with the new state.
//
// Properties set by the room page: room, user, manager, channel = { state, send(action, payload), subscribe(fn) }.
import { html, nothing } from 'lit';
import { CccElement } from '/ui/core/element.js';
import { t, formatNumber } from '/ui/core/i18n.js';
import { literatureReady, follow, unfollow, sendAction } from './common.js';

export class LiteratureRoundRobin extends CccElement {
  static properties = {
    room: { attribute: false },
    user: { attribute: false },
    manager: { type: Boolean },
    channel: { attribute: false },
    _state: { state: true },
    _ready: { state: true },
    _error: { state: true },
    _now: { state: true },
  };

  constructor() {
    super();
    this._state = null;
    this._now = Date.now();
  }

  connectedCallback() {
    super.connectedCallback();
    literatureReady().then(() => { this._ready = true; });
    this._tick = setInterval(() => { this._now = Date.now(); }, 1000);
    follow(this, (f) => this._onFrame(f));
  }

  disconnectedCallback() {
    clearInterval(this._tick);
    unfollow(this);
    super.disconnectedCallback();
  }

  willUpdate(changed) {
    if (changed.has('channel')) follow(this, (f) => this._onFrame(f));
  }

  _onFrame(frame) {
    if (frame?.type === 'plugin.state' && frame.state) {
      this._state = frame.state;
    } else if (frame?.type === 'system' && frame.event === 'turn-timed-out' && frame.payload?.state) {
      // The time-out's state leaves the text out (it did not change): keep the one we have.
      this._state = { ...frame.payload.state, text: this._state?.text ?? frame.payload.state.text };
    }
  }

  _send(action, payload = {}) {
    return sendAction(this, action, payload, 'literature:story.refused');
  }

  async _write(e) {
    e.preventDefault();
    const field = this.querySelector('#lit-turn-text');
    const reply = await this._send('write', { text: field.value });
    if (reply !== null) field.value = '';
  }

  get _inRota() {
    return !!this.user && (this._state?.rota || []).some((p) => p.accountId === this.user.id);
  }

  get _myTurn() {
    return !!this.user && this._state?.holder === this.user.id;
  }

  render() {
    if (!this._ready) return nothing;
    const s = this._state;
    if (!s?.open) {
      return html`<section class="lit-panel"><p class="lit-muted" role="status">${t('common:loading')}</p></section>`;
    }
    const host = !!this.user && (this.manager || s.host === this.user.id);
    return html`<section class="lit-panel" aria-label=${t('literature:story.label')} data-testid="lit-story"
        data-status=${s.status}>
      <h2>${s.title}</h2>
      ${this._error ? html`<p class="error-box" role="alert" data-testid="lit-error">${this._error}</p>` : nothing}
      <p class="lit-muted" data-testid="lit-story-status">${this._status(s)}</p>
      <ul class="lit-rota" aria-label=${t('literature:story.rota')} data-testid="lit-rota">
        ${(s.rota || []).map((p) => html`<li data-turn=${s.holder === p.accountId ? 'true' : 'false'}>${p.name}</li>`)}
      </ul>
      ${s.text ? html`<pre class="lit-story" data-testid="lit-story-text">${s.text}</pre>` : nothing}
      ${s.workId ? html`<p><a href="/works/${s.workId}" data-testid="lit-story-work">${t('literature:story.openWork')}</a></p>` : nothing}
      ${this._myTurn ? html`<form class="lit-row" @submit=${this._write}>
          <label for="lit-turn-text">${t('literature:story.yourTurn')}</label>
          <textarea id="lit-turn-text" rows="3" data-testid="lit-turn-text"></textarea>
          <button type="submit" class="primary" data-testid="lit-write">${t('literature:story.write')}</button>
          <button type="button" data-testid="lit-pass" @click=${() => this._send('pass')}>${t('literature:story.pass')}</button>
        </form>` : nothing}
      <div class="lit-row">
        ${this.user && s.status !== 'ended' && !this._inRota ? html`<button type="button" data-testid="lit-join"
            @click=${() => this._send('join-rota')}>${t('literature:story.join')}</button>` : nothing}
        ${this._inRota && s.status !== 'ended' ? html`<button type="button" data-testid="lit-leave"
            @click=${() => this._send('leave-rota')}>${t('literature:story.leave')}</button>` : nothing}
        ${host && s.status === 'gathering' ? html`<button type="button" class="primary" data-testid="lit-start"
            @click=${() => this._send('start')}>${t('literature:story.start')}</button>` : nothing}
        ${host && s.status === 'writing' ? html`<button type="button" data-testid="lit-end"
            @click=${() => this._send('end')}>${t('literature:story.end')}</button>` : nothing}
      </div>
    </section>`;
  }

  _status(s) {
    if (s.status === 'gathering') return t('literature:story.gathering');
    if (s.status === 'ended') return t('literature:story.ended', { n: formatNumber(s.contributions) });
    const left = Math.max(0, Math.round((Date.parse(s.deadline) - this._now) / 1000));
    return t('literature:story.turnOf', { name: s.holderName, turn: formatNumber(s.turn), seconds: formatNumber(left) });
  }
}

customElements.define('ccc-literature-round-robin', LiteratureRoundRobin);
