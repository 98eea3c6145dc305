// Adds images to a work: a drop zone and a file picker that upload each file (POST /api/media) with a progress bar,
// then announce it with a "media-uploaded" event ({media, name}) for the page to put it into the work. Each uploaded
// image asks for its alt text at once (focused, with a save button), and says so with "media-described" ({media,
// name}) once it is saved: publishing needs it (PATCH /api/media/{id}).
// Set `prompt` to false when the page asks for the alt text itself (the work page focuses the image's own field).
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { t } from '../core/i18n.js';
import { api } from '../core/api.js';
import { uploadMedia } from '../core/upload.js';
import { notify } from '../core/notify.js';

export const IMAGE_TYPES = 'image/jpeg,image/png,image/webp,image/gif';

let instances = 0;

class MediaUpload extends CccElement {
  static properties = {
    prompt: { type: Boolean },
    _uploads: { state: true },
    _asking: { state: true },
    _dragging: { state: true },
  };

  constructor() {
    super();
    this.prompt = true;
    this._uploads = [];
    this._asking = [];
    this._dragging = false;
    instances += 1;
    this._uid = `media-upload-${instances}`;
  }

  /** Uploads the files one after the other, each with its progress bar. */
  async attach(files) {
    for (const file of [...files]) {
      const upload = { name: file.name, progress: 0, error: '' };
      this._uploads = [...this._uploads, upload];
      try {
        const media = await uploadMedia(file, {
          onProgress: (fraction) => {
            upload.progress = fraction;
            this._uploads = [...this._uploads];
          },
        });
        this._uploads = this._uploads.filter((u) => u !== upload);
        this.dispatchEvent(new CustomEvent('media-uploaded', { bubbles: true, composed: true,
          detail: { media, name: file.name } }));
        if (this.prompt && media.altRequired && !media.hasAlt) this._ask(media, file.name);
      } catch (e) {
        upload.error = e.message || t('works:media.uploadFailed');
        this._uploads = [...this._uploads];
      }
    }
  }

  async _ask(media, name) {
    this._asking = [...this._asking, { media, name, error: null }];
    await this.updateComplete;
    this.querySelector(`#${this._uid}-alt-${media.id}`)?.focus();
  }

  async _describe(event, ask) {
    event.preventDefault();
    const alt = new FormData(event.target).get('alt');
    try {
      await api(`/media/${ask.media.id}`, { method: 'PATCH', body: { alt } });
      this._asking = this._asking.filter((a) => a !== ask);
      notify(t('works:media.described', { name: ask.name }));
      this.dispatchEvent(new CustomEvent('media-described', { bubbles: true, composed: true,
        detail: { media: { ...ask.media, alt, hasAlt: true }, name: ask.name } }));
    } catch (e) {
      ask.error = e;
      this._asking = [...this._asking];
    }
  }

  _picked(e) {
    if (e.target.files?.length) this.attach(e.target.files);
    e.target.value = '';
  }

  _dragOver(e) {
    if (![...(e.dataTransfer?.types || [])].includes('Files')) return;
    e.preventDefault();
    this._dragging = true;
  }

  _drop(e) {
    this._dragging = false;
    if (!e.dataTransfer?.files?.length) return;
    e.preventDefault();
    this.attach(e.dataTransfer.files);
  }

  render() {
    return html`<div class="stack media-upload" data-testid="media-upload">
      <div class="media-drop" data-testid="media-drop" @dragover=${this._dragOver}
        @dragleave=${() => { this._dragging = false; }} @drop=${this._drop}
        style=${`border:2px dashed ${this._dragging ? 'var(--c-primary)' : 'var(--c-border)'};padding:.75rem;border-radius:var(--radius)`}>
        <label class="button-link">${t('works:media.add')}
          <input type="file" multiple class="visually-hidden" data-testid="media-pick" accept=${IMAGE_TYPES}
            @change=${this._picked} aria-describedby=${`${this._uid}-hint`}></label>
        <span class="muted" id=${`${this._uid}-hint`}>${t('works:media.dropHint')}</span>
      </div>
      ${this._uploads.length ? html`<ul class="room-uploads" aria-live="polite" data-testid="media-uploads">
        ${this._uploads.map((u) => html`<li data-testid="media-uploading"><span>${u.name}</span>
          ${u.error ? html`<span class="error" role="alert" data-testid="media-upload-error">${u.error}</span>
              <button type="button" class="button-link" @click=${() => {
                this._uploads = this._uploads.filter((x) => x !== u);
              }}>${t('works:media.dismiss')}</button>`
            : html`<progress max="100" value=${Math.round(u.progress * 100)}
              aria-label=${t('works:media.uploading', { name: u.name })}></progress>`}</li>`)}
      </ul>` : nothing}
      ${this._asking.map((a) => html`<form class="card stack" data-testid="media-alt-prompt" data-media=${a.media.id}
          @submit=${(e) => this._describe(e, a)}>
        <img src=${a.media.thumbnails?.[0]?.url || a.media.url} alt="" style="max-width:12rem;max-height:8rem">
        ${a.error ? html`<p class="field-error" role="alert">${a.error.message}</p>` : nothing}
        <label for=${`${this._uid}-alt-${a.media.id}`}>${t('works:media.altFor', { name: a.name })}</label>
        <textarea id=${`${this._uid}-alt-${a.media.id}`} name="alt" rows="2" maxlength="1000" required
          aria-describedby=${`${this._uid}-why`}></textarea>
        <p class="form-hint" id=${`${this._uid}-why`}>${t('works:media.altWhy')}</p>
        <p><button type="submit">${t('works:media.saveAlt')}</button></p>
      </form>`)}
    </div>`;
  }
}

customElements.define('ccc-media-upload', MediaUpload);
