// <ccc-literature-reading-circle>: the literature plugin's element above a reading circle's chat. The chapters, each
// member's progress, and the thread of the chapter you open. The server decides what you see: a chapter's thread is
// sent only to those who reached it (`read-thread` is refused with `chapter-not-reached` otherwise), and new posts
// arrive as private `thread-post` frames. The host (creator, coordinator, admin) sets up the chapters.
//
// Properties set by the room page: room, user, manager, channel = { state, send(action, payload), subscribe(fn) }.
import { html, nothing } from 'lit';
import { CccElement } from '/ui/core/element.js';
import { t } from '/ui/core/i18n.js';
import { literatureReady, follow, unfollow, sendAction } from './common.js';

export class LiteratureReadingCircle extends CccElement {
  static properties = {
    room: { attribute: false },
    user: { attribute: false },
    manager: { type: Boolean },
    channel: { attribute: false },
    _state: { state: true },
    _ready: { state: true },
    _reached: { state: true },
    _open: { state: true },
    _posts: { state: true },
    _error: { state: true },
    _editing: { state: true },
  };

  constructor() {
    super();
    this._state = null;
    this._reached = 0;
    this._open = 0;
    this._posts = [];
  }

  connectedCallback() {
    super.connectedCallback();
    literatureReady().then(() => { this._ready = true; });
    follow(this, (f) => this._onFrame(f));
  }

  disconnectedCallback() {
    unfollow(this);
    super.disconnectedCallback();
  }

  willUpdate(changed) {
    if (changed.has('channel')) follow(this, (f) => this._onFrame(f));
  }

  _onFrame(frame) {
    if (frame?.type === 'plugin.state' && frame.state) {
      this._state = frame.state;
      const mine = (frame.state.progress || []).find((p) => p.accountId === this.user?.id);
      if (mine) this._reached = mine.chapter;
    } else if (frame?.type === 'plugin.event' && frame.event === 'you') {
      this._reached = frame.payload.reached;
    } else if (frame?.type === 'plugin.event' && frame.event === 'thread-post') {
      const { chapter, post } = frame.payload;
      if (chapter === this._open && !this._posts.some((p) => p.id === post.id)) this._posts = [...this._posts, post];
    }
  }

  _send(action, payload) {
    return sendAction(this, action, payload, 'literature:circle.refused');
  }

  async _reach(chapter) {
    const reply = await this._send('reach', { chapter });
    if (reply?.payload) this._reached = reply.payload.reached;
    if (this._open > this._reached) { this._open = 0; this._posts = []; }
  }

  async _openThread(chapter) {
    const reply = await this._send('read-thread', { chapter });
    if (reply?.payload) { this._open = chapter; this._posts = reply.payload.posts; }
  }

  async _post(e) {
    e.preventDefault();
    const field = this.querySelector('#lit-post-text');
    const text = field.value;
    const reply = await this._send('post', { chapter: this._open, text });
    if (reply?.payload) {
      field.value = '';
      const post = reply.payload.post;
      if (!this._posts.some((p) => p.id === post.id)) this._posts = [...this._posts, post];
    }
  }

  async _saveChapters(e) {
    e.preventDefault();
    const book = this.querySelector('#lit-book').value;
    const chapters = this.querySelector('#lit-chapters').value.split('\n').map((s) => s.trim()).filter(Boolean);
    const reply = await this._send('set-chapters', { book, chapters });
    if (reply !== null) this._editing = false;
  }

  get _isHost() {
    return !!this.user && (this.manager || this._state?.host === this.user.id);
  }

  render() {
    if (!this._ready) return nothing;
    const s = this._state;
    if (!s?.open) {
      return html`<section class="lit-panel"><p class="lit-muted" role="status">${t('common:loading')}</p></section>`;
    }
    const chapters = s.chapters || [];
    return html`<section class="lit-panel" aria-label=${t('literature:circle.label')} data-testid="lit-circle">
      <h2>${s.book || t('literature:circle.untitled')}</h2>
      ${this._error ? html`<p class="error-box" role="alert" data-testid="lit-error">${this._error}</p>` : nothing}
      ${chapters.length === 0 ? html`<p class="lit-muted">${t('literature:circle.noChapters')}</p>` : html`
        <p class="lit-muted" data-testid="lit-reached">${t('literature:circle.youReached', { n: this._reached })}</p>
        <ol class="lit-chapters">${chapters.map((c) => this._chapter(c))}</ol>`}
      ${this._open ? this._thread(chapters[this._open - 1]) : nothing}
      ${this._progress(s.progress || [])}
      ${this._isHost ? this._hostTools(s) : nothing}
    </section>`;
  }

  _chapter(c) {
    const reached = c.number <= this._reached;
    return html`<li class="lit-chapter" data-testid="lit-chapter" data-reached=${reached ? 'true' : 'false'}>
      <span>${t('literature:circle.chapter', { n: c.number, title: c.title })}</span>
      ${this.user && !reached ? html`<button type="button" data-testid="lit-reach-${c.number}"
          @click=${() => this._reach(c.number)}>${t('literature:circle.markReached')}</button>` : nothing}
      ${reached ? html`<button type="button" data-testid="lit-open-${c.number}"
          @click=${() => this._openThread(c.number)}>${t('literature:circle.openThread')}</button>`
        : html`<span class="lit-muted">${t('literature:circle.locked')}</span>`}
    </li>`;
  }

  _thread(chapter) {
    return html`<div class="lit-thread" data-testid="lit-thread">
      <h3>${t('literature:circle.threadOf', { title: chapter?.title || this._open })}</h3>
      ${this._posts.length === 0 ? html`<p class="lit-muted">${t('literature:circle.noPosts')}</p>` : html`
        <ul class="lit-posts">${this._posts.map((p) => html`<li data-testid="lit-post">
          <span class="lit-post-author">${p.name}</span><span>${p.text}</span></li>`)}</ul>`}
      <form class="lit-row" @submit=${this._post}>
        <label class="visually-hidden" for="lit-post-text">${t('literature:circle.postLabel')}</label>
        <textarea id="lit-post-text" rows="2" maxlength="2000" data-testid="lit-post-text"></textarea>
        <button type="submit" class="primary" data-testid="lit-post-send">${t('literature:circle.post')}</button>
      </form>
    </div>`;
  }

  _progress(progress) {
    if (progress.length === 0) return nothing;
    return html`<p class="lit-muted" data-testid="lit-progress">${t('literature:circle.progress')}
      ${progress.map((p) => t('literature:circle.memberAt', { name: p.name, n: p.chapter })).join(' · ')}</p>`;
  }

  _hostTools(s) {
    if (!this._editing) {
      return html`<button type="button" data-testid="lit-edit-chapters" @click=${() => { this._editing = true; }}>
        ${t('literature:circle.editChapters')}</button>`;
    }
    return html`<form class="lit-row" @submit=${this._saveChapters}>
      <label for="lit-book">${t('literature:circle.book')}</label>
      <input id="lit-book" type="text" maxlength="200" .value=${s.book || ''} data-testid="lit-book">
      <label for="lit-chapters">${t('literature:circle.chaptersHelp')}</label>
      <textarea id="lit-chapters" rows="4" data-testid="lit-chapters"
          .value=${(s.chapters || []).map((c) => c.title).join('\n')}></textarea>
      <button type="submit" class="primary" data-testid="lit-save-chapters">${t('literature:circle.save')}</button>
    </form>`;
  }
}

customElements.define('ccc-literature-reading-circle', LiteratureReadingCircle);
