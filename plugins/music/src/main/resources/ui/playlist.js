// <ccc-music-playlist>: the music plugin's playlist work kind (music:playlist). It follows the work-kind element
// contract of the plugin guide: properties `content` ({ description?, tracks: [{ title, artist?, url?, durationMs? }] }),
// `editable`, `schema` and `lang`; every change dispatches a bubbling `work-content-change` event whose detail is
// { content }. The core versions, licenses and forks the playlist; this element only shows and edits its content.
import { html, nothing } from 'lit';
import { CccElement } from '/ui/core/element.js';
import { t } from '/ui/core/i18n.js';
import { musicReady, formatTime } from './common.js';

export class MusicPlaylist extends CccElement {
  static properties = {
    content: { attribute: false },
    editable: { type: Boolean },
    schema: { attribute: false },
    _ready: { state: true },
  };

  constructor() {
    super();
    this.content = {};
    this.editable = false;
    this._ready = false;
  }

  connectedCallback() {
    super.connectedCallback();
    musicReady().then(() => { this._ready = true; });
  }

  get _tracks() {
    return Array.isArray(this.content?.tracks) ? this.content.tracks : [];
  }

  _change(next) {
    this.content = next;
    this.dispatchEvent(new CustomEvent('work-content-change', { detail: { content: next }, bubbles: true,
      composed: true }));
  }

  _withTracks(tracks) {
    const next = { ...(this.content || {}), tracks };
    return next;
  }

  _add(e) {
    e.preventDefault();
    const form = e.target;
    const track = { title: form.elements.title.value.trim() };
    const artist = form.elements.artist.value.trim();
    const url = form.elements.url.value.trim();
    if (!track.title) return;
    if (artist) track.artist = artist;
    if (url) track.url = url;
    this._change(this._withTracks([...this._tracks, track]));
    form.reset();
  }

  _remove(index) {
    this._change(this._withTracks(this._tracks.filter((_, i) => i !== index)));
  }

  _describe(e) {
    const description = e.target.value;
    const next = { ...(this.content || {}), tracks: this._tracks };
    if (description) next.description = description; else delete next.description;
    this._change(next);
  }

  render() {
    if (!this._ready) return nothing;
    const tracks = this._tracks;
    return html`<section class="music-playlist" aria-label=${t('music:playlist.label')} data-testid="music-playlist">
      ${this.editable ? html`<div class="form-field">
          <label for="music-playlist-description">${t('music:playlist.description')}</label>
          <textarea id="music-playlist-description" maxlength="2000" .value=${this.content?.description || ''}
              @change=${this._describe}></textarea></div>`
        : this.content?.description ? html`<p>${this.content.description}</p>` : nothing}
      <p class="muted" data-testid="music-playlist-count">${t('music:playlist.tracks', { count: tracks.length })}</p>
      ${tracks.length === 0 ? html`<p class="muted">${t('music:playlist.empty')}</p>` : html`
        <ol data-testid="music-playlist-tracks">
          ${tracks.map((track, i) => html`<li>
            ${track.url ? html`<a href=${track.url} rel="noopener noreferrer">${track.title}</a>` : track.title}
            ${track.artist ? html` — ${track.artist}` : nothing}
            ${track.durationMs ? html` <span class="music-time">${formatTime(track.durationMs)}</span>` : nothing}
            ${this.editable ? html` <button type="button" aria-label=${t('music:playlist.removeFor', { title: track.title })}
                @click=${() => this._remove(i)}>${t('music:playlist.remove')}</button>` : nothing}
          </li>`)}
        </ol>`}
      ${this.editable ? html`<form class="music-row" data-testid="music-playlist-add" @submit=${this._add}>
          <label class="visually-hidden" for="music-playlist-title">${t('music:playlist.title')}</label>
          <input id="music-playlist-title" name="title" required maxlength="200"
              placeholder=${t('music:playlist.title')} data-testid="music-playlist-title">
          <label class="visually-hidden" for="music-playlist-artist">${t('music:playlist.artist')}</label>
          <input id="music-playlist-artist" name="artist" maxlength="200" placeholder=${t('music:playlist.artist')}>
          <label class="visually-hidden" for="music-playlist-url">${t('music:playlist.url')}</label>
          <input id="music-playlist-url" name="url" type="url" maxlength="2000" placeholder=${t('music:playlist.url')}>
          <button type="submit" data-testid="music-playlist-submit">${t('music:playlist.add')}</button>
        </form>` : nothing}
    </section>`;
  }
}

customElements.define('ccc-music-playlist', MusicPlaylist);
