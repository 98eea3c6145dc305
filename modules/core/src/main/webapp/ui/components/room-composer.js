// The message composer of a room (and of a thread): Markdown text, Enter sends and Shift+Enter starts a new line,
// an optional preview (core/markdown.js, loaded when a preview is first shown: marked, then the same sanitised path
// as delivered messages), and
// @mention autocomplete (a listbox driven by the arrow keys), and attachments: files picked with the "Attach" button
// or dropped on the composer are uploaded to the media API one by one with a progress bar each, and their Markdown
// (an image, or a link to the file) is inserted at the caret.
// It fires "room-send" (detail: {text}) and "room-typing"; the page owns the posting and its errors.
import { html, nothing } from 'lit';
import { markdownLater } from '../core/safe-html.js';
import { mediaMarkdown, uploadMedia } from '../core/upload.js';
import { CccElement } from '../core/element.js';
import { t } from '../core/i18n.js';

let composerCount = 0;
// "@" then what was typed of a name, which may have spaces ("@Ana Li"): up to three words are looked up.
const MENTION = /(^|[\s(.,;:!?])@([\p{L}\p{N}_.-]*(?: [\p{L}\p{N}_.-]*){0,3})$/u;

class RoomComposer extends CccElement {
  static properties = {
    label: { type: String },
    disabled: { type: Boolean },
    /** The id of a text that explains why the composer is disabled (room locked, slow mode), read with it. */
    note: { type: String },
    busyText: { type: String, attribute: false },
    /** async (query) => [{id, name}]: the people to propose after "@". */
    people: { attribute: false },
    _text: { state: true },
    _preview: { state: true },
    _matches: { state: true },
    _active: { state: true },
    _uploads: { state: true },
    _dragging: { state: true },
  };

  constructor() {
    super();
    composerCount += 1;
    this._uid = `room-composer-${composerCount}`;
    this.label = '';
    this.disabled = false;
    this.note = '';
    this.busyText = '';
    this._text = '';
    this._preview = false;
    this._matches = [];
    this._active = 0;
    this._query = null;
    this._uploads = [];
    this._dragging = false;
    this._uploadCount = 0;
  }

  /** Puts the focus in the text box. */
  focus() {
    this.querySelector('textarea')?.focus();
  }

  /** Empties the composer (after a successful send). */
  clear() {
    this._text = '';
    const area = this.querySelector('textarea');
    if (area) area.value = '';
  }

  _input(e) {
    this._text = e.target.value;
    if (this._text.trim()) this.dispatchEvent(new CustomEvent('room-typing', { bubbles: true }));
    this._lookUp(e.target);
  }

  async _lookUp(area) {
    const before = area.value.substring(0, area.selectionStart);
    const m = MENTION.exec(before);
    if (!m || !this.people) {
      this._closeList();
      return;
    }
    const query = m[2];
    this._query = query;
    let found = [];
    try {
      found = await this.people(query);
    } catch (e) {
      console.error(e);
    }
    if (this._query !== query) return;
    this._matches = found.slice(0, 8);
    this._active = 0;
  }

  _closeList() {
    this._query = null;
    this._matches = [];
  }

  _pick(person) {
    const area = this.querySelector('textarea');
    const caret = area.selectionStart;
    const before = area.value.substring(0, caret).replace(MENTION, (all, lead) => `${lead}${mentionToken(person)} `);
    const after = area.value.substring(caret);
    area.value = before + after;
    this._text = area.value;
    area.focus();
    area.setSelectionRange(before.length, before.length);
    this._closeList();
  }

  _keydown(e) {
    if (this._matches.length) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const n = this._matches.length;
        this._active = (this._active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n;
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        this._pick(this._matches[this._active]);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        this._closeList();
        return;
      }
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      this._send();
    }
  }

  /** Uploads the files one after the other, each with its progress; inserts the Markdown of each that succeeds. */
  async _attach(files) {
    for (const file of [...files]) {
      this._uploadCount += 1;
      const upload = { key: this._uploadCount, name: file.name, progress: 0, error: '' };
      this._uploads = [...this._uploads, upload];
      try {
        const media = await uploadMedia(file, {
          onProgress: (fraction) => {
            upload.progress = fraction;
            this._uploads = [...this._uploads];
          },
        });
        this._insert(mediaMarkdown(media, file.name));
        this._uploads = this._uploads.filter((u) => u !== upload);
      } catch (e) {
        upload.error = e.message || t('room:composer.uploadFailed');
        this._uploads = [...this._uploads];
      }
    }
  }

  /** Inserts text at the caret (on a line of its own), keeping the rest of what was typed. */
  _insert(markdown) {
    const area = this.querySelector('textarea');
    const caret = area.selectionStart ?? area.value.length;
    const before = area.value.substring(0, caret);
    const after = area.value.substring(caret);
    const lead = before && !before.endsWith('\n') ? '\n' : '';
    const inserted = `${lead}${markdown}\n`;
    area.value = before + inserted + after;
    this._text = area.value;
    const end = (before + inserted).length;
    area.setSelectionRange(end, end);
  }

  _picked(e) {
    const files = e.target.files;
    if (files?.length) this._attach(files);
    e.target.value = '';
  }

  _dragOver(e) {
    if (![...(e.dataTransfer?.types || [])].includes('Files') || this.disabled) return;
    e.preventDefault();
    this._dragging = true;
  }

  _drop(e) {
    this._dragging = false;
    if (!e.dataTransfer?.files?.length || this.disabled) return;
    e.preventDefault();
    this._attach(e.dataTransfer.files);
  }

  _send(e) {
    e?.preventDefault();
    const text = this.querySelector('textarea').value;
    if (!text.trim() || this.disabled) return;
    this.dispatchEvent(new CustomEvent('room-send', { bubbles: true, detail: { text } }));
  }

  render() {
    const listId = `${this._uid}-people`;
    const open = this._matches.length > 0;
    return html`<form class=${`room-composer${this._dragging ? ' dragging' : ''}`} @submit=${this._send}
      @dragover=${this._dragOver} @dragleave=${() => { this._dragging = false; }} @drop=${this._drop}>
      <label class="visually-hidden" for=${`${this._uid}-text`}>${this.label}</label>
      <div class="room-composer-box">
        <textarea id=${`${this._uid}-text`} rows="2" data-testid="composer" .value=${this._text}
          placeholder=${this.label} ?disabled=${this.disabled}
          aria-describedby=${`${this._uid}-hint${this.note ? ` ${this.note}` : ''}`} aria-autocomplete="list"
          aria-controls=${open ? listId : nothing}
          aria-activedescendant=${open ? `${listId}-${this._active}` : nothing}
          @input=${this._input} @keydown=${this._keydown} @blur=${() => setTimeout(() => this._closeList(), 150)}></textarea>
        ${open ? html`<ul class="room-mentions-list" id=${listId} role="listbox" aria-label=${t('room:composer.people')}
            data-testid="mention-list">
          ${this._matches.map((p, i) => html`<li id=${`${listId}-${i}`} role="option"
            aria-selected=${i === this._active ? 'true' : 'false'} class=${i === this._active ? 'active' : ''}
            @mousedown=${(ev) => { ev.preventDefault(); this._pick(p); }}>${p.name}</li>`)}
        </ul>` : nothing}
      </div>
      ${this._preview ? html`<div class="room-preview" data-testid="preview" aria-label=${t('room:composer.preview')}
          role="region">${this._text.trim() ? (markdownLater(this)?.previewHtml(this._text) ?? nothing)
        : html`<p class="muted">${t('room:composer.nothingToPreview')}</p>`}</div>` : nothing}
      ${this._uploads.length ? html`<ul class="room-uploads" aria-live="polite" data-testid="uploads">
        ${this._uploads.map((u) => html`<li data-testid="upload">
          <span>${u.name}</span>
          ${u.error ? html`<span class="error" role="alert" data-testid="upload-error">${u.error}</span>
              <button type="button" class="button-link" @click=${() => {
                this._uploads = this._uploads.filter((x) => x !== u);
              }}>${t('room:composer.dismiss')}</button>`
            : html`<progress max="100" value=${Math.round(u.progress * 100)}
              aria-label=${t('room:composer.uploading', { name: u.name })}></progress>`}
        </li>`)}
      </ul>` : nothing}
      <div class="room-composer-bar">
        <p class="form-hint" id=${`${this._uid}-hint`}>${t('room:composer.hint')}</p>
        <label class="button-link room-attach">
          ${t('room:composer.attach')}
          <input type="file" multiple class="visually-hidden" data-testid="attach" ?disabled=${this.disabled}
            accept="image/jpeg,image/png,image/webp,image/gif,audio/mpeg,audio/ogg,audio/wav,video/mp4,video/webm,application/pdf"
            @change=${this._picked}>
        </label>
        <button type="button" class="button-link" aria-pressed=${this._preview ? 'true' : 'false'}
          @click=${() => { this._preview = !this._preview; }}>${t('room:composer.preview')}</button>
        <button type="submit" class="primary" data-testid="send" ?disabled=${this.disabled}>
          ${this.busyText || t('room:composer.send')}</button>
      </div>
    </form>`;
  }
}

/**
 * How a person is written in a message: @[id], which the server notifies and the room shows as the person's current
 * name, linked to their profile (core/mentions.js), whatever spaces the name has and after a rename.
 */
export function mentionToken(person) {
  return `@[${person.id}]`;
}

customElements.define('ccc-room-composer', RoomComposer);
