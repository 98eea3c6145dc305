// The media of a work (its cover, a collection's items, the images its Markdown shows), each image with its alt text
// (PATCH /api/media/{id}): a field for the one who uploaded it, and for a fellow author while the image has none yet
// (the server lets an author of a work give a co-author's image its first description); the others read who may
// describe it. Every image
// needs alt text before the work can be published; the component tells which still lack it with a "media-alt-state"
// event ({missing: [{id, name}]}). Authors add images here too (ccc-media-upload): into a draft at once (a
// collection's next item, or the end of the text), its alt text field then taking the focus; into a published work,
// which must stay publishable, once the upload's own prompt has its alt text.
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { t } from '../core/i18n.js';
import { api } from '../core/api.js';
import { currentUser } from '../core/session.js';
import { notify, notifyError } from '../core/notify.js';
import { errorBox } from '../core/view.js';
import { mediaMarkdown } from '../core/upload.js';
import './media-upload.js';

/** A media URL of this platform in Markdown; group 1 is the id (as the server's MediaRefs reads it). */
const MEDIA_URL = /\/api\/media\/([A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/g;

/** The distinct media ids a work uses, in order of first use: cover, then Markdown URLs or items. */
export function mediaIds(work) {
  const ids = [];
  if (work.cover) ids.push(work.cover);
  if (work.format === 'markdown') {
    for (const m of String(work.content || '').matchAll(MEDIA_URL)) ids.push(m[1]);
  } else {
    for (const item of work.content?.items || []) if (typeof item?.media === 'string') ids.push(item.media);
  }
  return [...new Set(ids)];
}

/** The id of an image's alt text field on the work page (what the publication panel links to). */
export function altFieldId(mediaId) {
  return `alt-${mediaId}`;
}

/** Focuses an image's alt text field (and so scrolls to it). */
export function focusAltField(mediaId) {
  document.getElementById(altFieldId(mediaId))?.focus();
}

class WorkMediaAlt extends CccElement {
  static properties = {
    work: { attribute: false },
    _media: { state: true },
    _errors: { state: true },
    _loadError: { state: true },
  };

  constructor() {
    super();
    this.work = null;
    this._media = [];
    this._errors = {};
    this._loadError = null;
    this._loadedFor = '';
    this._focus = null;
  }

  willUpdate(changed) {
    if (changed.has('work') && this.work) {
      const key = `${this.work.id}:${mediaIds(this.work).join(',')}`;
      if (key !== this._loadedFor) {
        this._loadedFor = key;
        this._load();
      }
    }
  }

  async _load() {
    const ids = mediaIds(this.work);
    try {
      const found = await Promise.all(ids.map((id) => api(`/media/${id}/info`).catch((e) => {
        if (e.status === 404) return null;
        throw e;
      })));
      this._media = found.filter(Boolean);
      this._loadError = null;
    } catch (e) {
      this._loadError = e;
    }
    this._announce();
    await this.updateComplete;
    if (this._focus) {
      focusAltField(this._focus);
      this._focus = null;
    }
  }

  _name(m, index) {
    return m.fileName || t('works:media.image', { n: index + 1 });
  }

  _announce() {
    const missing = this._media.map((m, i) => ({ m, name: this._name(m, i) }))
      .filter(({ m }) => m.altRequired && !m.hasAlt).map(({ m, name }) => ({ id: m.id, name }));
    this.dispatchEvent(new CustomEvent('media-alt-state', { detail: { missing }, bubbles: true, composed: true }));
  }

  async _save(event, media, name) {
    event.preventDefault();
    const alt = new FormData(event.target).get('alt');
    try {
      const saved = await api(`/media/${media.id}`, { method: 'PATCH', body: { alt } });
      this._media = this._media.map((m) => (m.id === saved.id ? saved : m));
      this._errors = { ...this._errors, [media.id]: null };
      notify(t('works:media.described', { name }));
      this._announce();
    } catch (e) {
      this._errors = { ...this._errors, [media.id]: e };
    }
  }

  /** Puts a new upload into the work: a collection's next item, or an image at the end of the text. */
  async _added(event) {
    const { media, name } = event.detail;
    const w = this.work;
    let content;
    if (w.kind === 'collection') {
      content = { items: [...(w.content?.items || []), { media: media.id }] };
    } else {
      const text = String(w.content || '');
      content = `${text}${text && !text.endsWith('\n') ? '\n' : ''}\n${mediaMarkdown(media, name)}\n`;
    }
    try {
      const work = await api(`/works/${w.id}`, { method: 'PATCH',
        body: { content, message: t('works:media.addedMessage', { name: name || media.id }) } });
      this._focus = media.altRequired && !media.hasAlt ? media.id : null;
      notify(t('works:media.added', { name: name || media.id }));
      this.dispatchEvent(new CustomEvent('work-changed', { detail: work, bubbles: true, composed: true }));
    } catch (e) {
      notifyError(e);
    }
  }

  _upload(w) {
    if (w.status === 'PUBLISHED') {
      return html`<ccc-media-upload @media-described=${this._added}
        @media-uploaded=${(e) => { if (!e.detail.media.altRequired) this._added(e); }}></ccc-media-upload>`;
    }
    return html`<ccc-media-upload .prompt=${false} @media-uploaded=${this._added}></ccc-media-upload>`;
  }

  _owner(m) {
    return this.work.authors.find((a) => a.accountId === m.ownerId)?.displayName;
  }

  /** What the field's hint says, or null when the caller may not describe the image (the server's rule). */
  _hint(m, me, owner) {
    if (!me || !this.work.canEdit) return null;
    if (m.ownerId === me.id) return m.hasAlt ? t('works:media.altWhy') : t('works:media.altMissing');
    return owner && !m.hasAlt ? t('works:media.altForCoAuthor', { name: owner }) : null;
  }

  _notYours(m, owner, fieldId) {
    if (m.hasAlt) {
      return html`${m.alt} <span class="muted" data-testid="media-alt-not-mine">(${t('works:media.onlyOwnerChanges',
        { name: owner || t('works:media.uploader') })})</span>`;
    }
    return html`<span id=${fieldId} tabindex="-1" data-testid="media-alt-not-mine">${owner
      ? t('works:media.notYoursAuthor', { name: owner }) : t('works:media.notYoursStranger')}</span>`;
  }

  _image(m, index, me) {
    const name = this._name(m, index);
    const fieldId = altFieldId(m.id);
    const hintId = `${fieldId}-hint`;
    const owner = this._owner(m);
    const hint = this._hint(m, me, owner);
    return html`<li class="stack" data-testid="media-item" data-media=${m.id}
        data-has-alt=${m.hasAlt ? 'true' : 'false'} style="list-style:none">
      <img src=${m.thumbnails?.[0]?.url || m.url} alt=${m.alt || ''} style="max-width:12rem;max-height:8rem">
      ${hint ? html`<form class="stack" @submit=${(e) => this._save(e, m, name)}>
          ${errorBox(this._errors[m.id])}
          <label for=${fieldId}>${t('works:media.altFor', { name })}</label>
          <textarea id=${fieldId} name="alt" rows="2" maxlength="1000" required .value=${m.alt || ''}
            aria-describedby=${hintId} aria-invalid=${m.hasAlt ? 'false' : 'true'}></textarea>
          <p class="form-hint" id=${hintId}>${hint}</p>
          <p><button type="submit" data-testid="media-alt-save">${t('works:media.saveAlt')}</button></p>
        </form>`
        : html`<p><strong>${name}</strong>: ${this._notYours(m, owner, fieldId)}</p>`}
    </li>`;
  }

  render() {
    const w = this.work;
    if (!w) return nothing;
    const images = this._media.filter((m) => m.altRequired);
    const addable = w.canEdit && !w.deletedAt && (w.kind === 'text' || w.kind === 'collection');
    if (!images.length && !addable) return nothing;
    const me = currentUser();
    return html`<section class="card stack" aria-labelledby="work-media" data-testid="work-media">
      <h2 id="work-media">${t('works:media.title')}</h2>
      <p class="muted">${t('works:media.intro')}</p>
      ${errorBox(this._loadError)}
      ${images.length ? html`<ul class="stack" style="padding:0">${images.map((m) => this._image(m,
        this._media.indexOf(m), me))}</ul>` : html`<p class="muted">${t('works:media.none')}</p>`}
      ${addable ? this._upload(w) : nothing}
    </section>`;
  }
}

customElements.define('ccc-work-media-alt', WorkMediaAlt);
