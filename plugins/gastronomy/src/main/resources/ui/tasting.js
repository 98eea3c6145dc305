// <ccc-gastronomy-tasting>: the gastronomy plugin's element above a tasting room's chat. Everyone sees the revealed
// dishes with a live histogram per criterion (counts per score), and rates the open dish with one button per score;
// the host (the room's managers) lines dishes up, reveals the next one (with a round timer or none) and closes the
// round. What the server sends decides everything: the room's state holds only revealed dishes and counts, the host's
// line-up and a member's own ballot arrive as private frames, and a round closed by its timer arrives as the system
// event `round-closed`, whose results the element applies to the dish.
//
// Properties set by the room page: room, user, manager, channel = { state, send(action, payload), subscribe(fn) }.
import { html, nothing } from 'lit';
import { CccElement } from '/ui/core/element.js';
import { t, formatNumber } from '/ui/core/i18n.js';
import { gastronomyReady, criterionLabel } from './common.js';

export class GastronomyTasting extends CccElement {
  static properties = {
    room: { attribute: false },
    user: { attribute: false },
    manager: { type: Boolean },
    channel: { attribute: false },
    _state: { state: true },
    _lineup: { state: true },
    _ballot: { state: true },
    _ready: { state: true },
    _error: { state: true },
    _notice: { state: true },
    _now: { state: true },
  };

  constructor() {
    super();
    this._state = null;
    this._lineup = [];
    this._ballot = null;
    this._ready = false;
    this._now = Date.now();
  }

  connectedCallback() {
    super.connectedCallback();
    gastronomyReady().then(() => { this._ready = true; });
    this._tick = setInterval(() => { this._now = Date.now(); }, 1000);
    this._subscribe();
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
  }

  _subscribe() {
    if (!this.isConnected || !this.channel || this._subscribedTo === this.channel) return;
    this._unsubscribe?.();
    this._subscribedTo = this.channel;
    if (this.channel.state) this._state = this.channel.state;
    this._unsubscribe = this.channel.subscribe((frame) => this._onFrame(frame));
  }

  _onFrame(frame) {
    if (frame?.type === 'plugin.state' && frame.state) {
      this._state = frame.state;
    } else if (frame?.type === 'plugin.event') {
      if (frame.event === 'lineup') this._lineup = frame.payload?.dishes ?? [];
      else if (frame.event === 'ballot') this._ballot = frame.payload;
      else if (frame.event === 'state' && frame.payload) this._state = frame.payload;
    } else if (frame?.type === 'system' && frame.event === 'round-closed') {
      this._closed(frame.payload || {});
    }
  }

  /**
   * A round's close as the room's system event tells it (the host's close, or its timer, which sends no state frame):
   * the event carries the dish's results, so the dish is closed here without asking anyone. Replayed events of dishes
   * already closed change nothing.
   */
  _closed(p) {
    const s = this._state;
    const known = (s?.dishes || []).find((d) => d.id === p.dish);
    if (!s || !known || known.status === 'closed') return;
    const dish = { ...known, status: 'closed', closesAt: null, ballots: p.ballots, criteria: p.criteria, score: p.score };
    this._state = { ...s, current: s.current === p.dish ? null : s.current,
      dishes: s.dishes.map((d) => (d.id === p.dish ? dish : d)) };
    this._notice = p.score == null ? t('gastronomy:tasting.closedNoBallots', { number: p.number })
      : t('gastronomy:tasting.closedScore', { number: p.number, score: formatNumber(p.score) });
  }

  _send(action, payload) {
    this._error = null;
    return this.channel?.send(action, payload).catch((error) => {
      const message = error?.message || error?.reason || error?.code || '';
      this._error = t('gastronomy:tasting.refused', { message });
    });
  }

  _rate(dish, criterion, score) {
    this._ballot = { dish: dish.id, scores: { ...(this._ballot?.dish === dish.id ? this._ballot.scores : {}), [criterion]: score } };
    this._send('rate', { dish: dish.id, scores: { [criterion]: score } });
  }

  _addDish(e) {
    e.preventDefault();
    const form = e.target;
    const name = form.elements.name.value.trim();
    if (!name) return;
    this._send('add-dish', { name, description: form.elements.description.value.trim() })?.then(() => form.reset());
  }

  _reveal() {
    const input = this.querySelector('#gastro-seconds');
    const seconds = input && input.value !== '' ? Number(input.value) : null;
    this._send('reveal', seconds == null ? {} : { seconds });
  }

  _setCriteria(e) {
    e.preventDefault();
    const criteria = e.target.elements.criteria.value.split(',').map((c) => c.trim()).filter(Boolean);
    this._send('set-criteria', { criteria });
  }

  _remaining(dish) {
    if (!dish.closesAt || dish.status !== 'open') return null;
    return Math.max(0, Math.ceil((Date.parse(dish.closesAt) - this._now) / 1000));
  }

  _histogram(dish, s) {
    return html`<div class="gastro-histograms">
      ${dish.criteria.map((c) => {
        const most = Math.max(1, ...c.counts);
        return html`<figure class="gastro-histogram" data-testid="histogram" data-criterion=${c.name}>
          <figcaption>${criterionLabel(c.name)}
            ${c.average == null ? nothing : html`<span class="gastro-average">${t('gastronomy:tasting.average', { average: formatNumber(c.average) })}</span>`}
          </figcaption>
          <ol class="gastro-bars">
            ${c.counts.map((n, i) => html`<li data-score=${i + 1} data-count=${n}
                aria-label=${t('gastronomy:tasting.barLabel', { score: i + 1, count: n })}>
              <span class="gastro-bar-score">${i + 1}</span>
              <span class="gastro-bar"><span style=${`width:${(n / most) * 100}%`}></span></span>
              <span class="gastro-bar-count">${formatNumber(n)}</span></li>`)}
          </ol></figure>`;
      })}
    </div>`;
  }

  _ratingControls(dish, s) {
    if (!this.user) return html`<p class="muted">${t('gastronomy:tasting.signInToRate')}</p>`;
    const mine = this._ballot?.dish === dish.id ? this._ballot.scores : {};
    return html`<div class="gastro-rate" data-testid="rate">
      ${s.criteria.map((c) => html`<div class="gastro-rate-row" role="group"
          aria-label=${t('gastronomy:tasting.rateCriterion', { criterion: criterionLabel(c) })}>
        <span class="gastro-rate-label">${criterionLabel(c)}</span>
        ${[1, 2, 3, 4, 5].map((n) => html`<button type="button" class=${mine[c] === n ? 'primary' : ''}
            aria-pressed=${mine[c] === n ? 'true' : 'false'} data-criterion=${c} data-score=${n}
            aria-label=${t('gastronomy:tasting.giveScore', { score: n, criterion: criterionLabel(c) })}
            @click=${() => this._rate(dish, c, n)}>${n}</button>`)}
      </div>`)}
      <p class="muted">${t('gastronomy:tasting.anonymous')}</p>
    </div>`;
  }

  _dish(dish, s) {
    const left = this._remaining(dish);
    const open = dish.status === 'open';
    return html`<li class="gastro-dish ${open ? 'gastro-dish-open' : ''}" data-testid="dish" data-dish=${dish.id}
        data-status=${dish.status}>
      <h3>${t('gastronomy:tasting.dishTitle', { number: dish.number, name: dish.name })}</h3>
      ${dish.description ? html`<p>${dish.description}</p>` : nothing}
      <p class="gastro-dish-meta">
        <span class="badge ${open ? 'gastro-badge-open' : ''}">${open ? t('gastronomy:tasting.open') : t('gastronomy:tasting.closed')}</span>
        <span data-testid="ballots">${t('gastronomy:tasting.ballots', { count: dish.ballots })}</span>
        ${left == null ? nothing : html`<span role="timer" data-testid="countdown">${t('gastronomy:tasting.closesIn', { seconds: left })}</span>`}
        ${!open && dish.score != null ? html`<strong class="gastro-score" data-testid="score">${t('gastronomy:tasting.score', { score: formatNumber(dish.score) })}</strong>` : nothing}
      </p>
      ${open ? this._ratingControls(dish, s) : nothing}
      ${this._histogram(dish, s)}
    </li>`;
  }

  _hostPanel(s) {
    const roundOpen = s.current != null;
    return html`<details class="gastro-host" open data-testid="host-panel">
      <summary>${t('gastronomy:host.title')}</summary>
      ${s.dishes.length === 0 ? html`<form class="gastro-host-row" @submit=${this._setCriteria}>
        <div class="form-field"><label for="gastro-criteria">${t('gastronomy:host.criteria')}</label>
          <input id="gastro-criteria" name="criteria" .value=${s.criteria.join(', ')} maxlength="260"></div>
        <button type="submit">${t('gastronomy:host.setCriteria')}</button></form>` : nothing}
      <form class="gastro-host-row" @submit=${this._addDish}>
        <div class="form-field"><label for="gastro-dish-name">${t('gastronomy:host.dishName')}</label>
          <input id="gastro-dish-name" name="name" required maxlength="120" data-testid="dish-name"></div>
        <div class="form-field"><label for="gastro-dish-description">${t('gastronomy:host.dishDescription')}</label>
          <input id="gastro-dish-description" name="description" maxlength="1000"></div>
        <button type="submit" data-testid="add-dish">${t('gastronomy:host.addDish')}</button>
      </form>
      <h4>${t('gastronomy:host.lineup', { count: this._lineup.length })}</h4>
      <ol class="gastro-lineup" data-testid="lineup">
        ${this._lineup.map((d) => html`<li>${d.name}
          <button type="button" class="link" @click=${() => this._send('remove-dish', { dish: d.id })}
              aria-label=${t('gastronomy:host.removeDish', { name: d.name })}>${t('gastronomy:host.remove')}</button></li>`)}
      </ol>
      <div class="gastro-host-row">
        <div class="form-field"><label for="gastro-seconds">${t('gastronomy:host.seconds')}</label>
          <input id="gastro-seconds" type="number" min="0" max="3600" .value=${String(s.roundSeconds ?? 0)}
              data-testid="seconds"></div>
        <button type="button" class="primary" data-testid="reveal" ?disabled=${roundOpen || s.hidden === 0}
            @click=${this._reveal}>${t('gastronomy:host.reveal')}</button>
        <button type="button" data-testid="close-round" ?disabled=${!roundOpen}
            @click=${() => this._send('close-round', {})}>${t('gastronomy:host.closeRound')}</button>
      </div>
    </details>`;
  }

  render() {
    if (!this._ready) return nothing;
    const s = this._state;
    if (!s) return html`<section class="gastro-tasting"><p class="state" role="status">${t('common:loading')}</p></section>`;
    if (!s.open) return html`<section class="gastro-tasting"><p class="notice">${t('gastronomy:tasting.notOpen')}</p></section>`;
    const dishes = [...s.dishes].sort((a, b) => (a.status === 'open' ? -1 : b.status === 'open' ? 1 : b.number - a.number));
    return html`<section class="gastro-tasting" aria-label=${t('gastronomy:tasting.label')} data-testid="tasting">
      <p class="gastro-summary">
        ${t('gastronomy:tasting.criteria', { criteria: s.criteria.map(criterionLabel).join(', ') })}
        · <span data-testid="hidden">${t('gastronomy:tasting.toCome', { count: s.hidden })}</span></p>
      ${this.manager ? this._hostPanel(s) : nothing}
      ${dishes.length === 0 ? html`<p class="muted" data-testid="no-dish">${t('gastronomy:tasting.nothingYet')}</p>` : nothing}
      <ol class="gastro-dishes">${dishes.map((d) => this._dish(d, s))}</ol>
      ${this._notice ? html`<p class="notice" role="status" data-testid="notice">${this._notice}</p>` : nothing}
      ${this._error ? html`<p class="error-box" role="alert" data-testid="error">${this._error}</p>` : nothing}
    </section>`;
  }
}

customElements.define('ccc-gastronomy-tasting', GastronomyTasting);
