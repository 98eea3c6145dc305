// A work's page (/works/:id): title, attribution and licence, authors, its text or items, downloads; then its
// publication (consent), remix, lineage and history (versions, diff, restore) in components of their own.
import { html, nothing } from 'lit';
import { CccElement } from '../core/element.js';
import { t, formatRelative } from '../core/i18n.js';
import { api } from '../core/api.js';
import { currentUser, token } from '../core/session.js';
import { notify, notifyError } from '../core/notify.js';
import { fieldColor } from '../core/fields.js';
import { safeWorkHtml } from '../core/safe-html.js';
import { loading, errorBox, setTitle, pageReady } from '../core/view.js';
import { nextTask } from '../core/pending.js';
import { languageName } from '../components/acct-util.js';
import { formatItems, parseItems } from '../components/work-util.js';
import '../components/work-publish.js';
import '../components/work-lineage.js';
import '../components/work-history.js';
import { isPluginKind, kindLabel, workKinds } from '../components/work-kind.js';

// The kinds of work are asked for as soon as this module runs (beside the shell's strings), not once the page is
// shown: the page waits for them. Their names follow the language, so the shell cannot preload them.
workKinds().catch(() => {});

class WorkPage extends CccElement {
  static properties = {
    params: { attribute: false },
    _work: { state: true },
    _error: { state: true },
    _editing: { state: true },
    _editError: { state: true },
    _draft: { state: true },
    _whole: { state: true },
  };

  constructor() {
    super();
    this.params = {};
    this._work = null;
    this._error = null;
    this._editing = false;
    this._editError = null;
    this._whole = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this._load();
  }

  sessionChanged() {
    this._load();
  }

  async _load() {
    const id = this.params?.id;
    try {
      if (!/^\d+$/.test(id || '')) throw Object.assign(new Error(t('works:work.notFound')), { status: 404 });
      const [work] = await Promise.all([api(`/works/${id}`), workKinds().catch(() => [])]);
      this._work = work;
      this._error = null;
    } catch (e) {
      this._error = e.status === 404 ? { message: t('works:work.notFound') } : e;
    }
    await this.updateComplete;
    pageReady(this);
    // The parts below the text (publication, lineage, history) in a task of their own: drawn with the rest they made
    // one long task (Lighthouse's Total Blocking Time). Added at the end of the page, below the fold (main is at
    // least a window high), they move nothing in sight.
    if (!this._whole) {
      await nextTask();
      this._whole = true;
    }
  }

  /** Child components report a changed work (published, forked, restored…). */
  _changed(event) {
    this._work = event.detail;
  }

  async _save(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const w = this._work;
    let content = form.get('content');
    if (w.kind === 'collection') content = { items: parseItems(content) };
    if (isPluginKind(w.kind)) content = this._draft ?? w.content;
    try {
      this._work = await api(`/works/${w.id}`, { method: 'PATCH',
        body: { title: form.get('title'), content, message: form.get('message') || null } });
      this._editing = false;
      this._editError = null;
      this._draft = null;
      notify(t('works:work.saved', { n: this._work.version }));
    } catch (e) {
      this._editError = e;
    }
  }

  async _delete() {
    if (!window.confirm(t('works:work.deleteConfirm'))) return;
    try {
      await api(`/works/${this._work.id}`, { method: 'DELETE' });
      notify(t('works:work.deleted'));
      await this._load();
    } catch (e) {
      notifyError(e);
    }
  }

  async _undelete() {
    try {
      this._work = await api(`/works/${this._work.id}/restore-deleted`, { method: 'POST' });
      notify(t('works:work.undeleted'));
    } catch (e) {
      notifyError(e);
    }
  }

  /** Downloads an export with the session's token (a plain link would not carry it for drafts). */
  async _download(format) {
    const headers = token() ? { Authorization: `Bearer ${token()}` } : {};
    try {
      const response = await fetch(`/api/works/${this._work.id}/export?format=${format}`, { headers });
      if (!response.ok) throw new Error(t('common:errors.http', { status: response.status }));
      const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '')?.[1]
        || `work-${this._work.id}.${format}`;
      const url = URL.createObjectURL(await response.blob());
      const a = Object.assign(document.createElement('a'), { href: url, download: name });
      document.body.append(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(url);
    } catch (e) {
      notifyError(e);
    }
  }

  _content(w) {
    if (isPluginKind(w.kind)) {
      return html`<ccc-work-kind .kind=${w.kind} .content=${w.content}></ccc-work-kind>`;
    }
    if (w.kind === 'collection') {
      const items = w.content?.items || [];
      if (!items.length) return html`<p class="state state-empty">${t('works:work.emptyCollection')}</p>`;
      return html`<ol class="work-items" data-testid="work-items">${items.map((i) => ('work' in i
        ? html`<li><a href="/works/${i.work}">${t('works:work.item.work', { id: i.work })}</a></li>`
        : html`<li><a href="/api/media/${i.media}">${t('works:work.item.media', { id: i.media })}</a></li>`))}</ol>`;
    }
    return html`<div class="work-body" data-testid="work-text">${safeWorkHtml(w.html)}</div>`;
  }

  _editor(w) {
    if (isPluginKind(w.kind)) {
      return html`<form class="card stack" data-testid="work-edit" @submit=${this._save}>
        ${errorBox(this._editError)}
        <label>${t('works:new.titleLabel')} <input name="title" required maxlength="200" .value=${w.title}></label>
        <ccc-work-kind .kind=${w.kind} .content=${this._draft ?? w.content} editable
          @work-content-change=${(e) => { this._draft = e.detail.content; }}></ccc-work-kind>
        <label>${t('works:work.messageLabel')} <input name="message" maxlength="500"></label>
        <p><button type="submit">${t('works:work.save')}</button>
          <button type="button" @click=${() => { this._editing = false; this._draft = null; }}>${t('common:actions.cancel')}</button></p>
      </form>`;
    }
    const text = w.kind === 'collection' ? formatItems(w.content?.items) : (w.content || '');
    return html`<form class="card stack" data-testid="work-edit" @submit=${this._save}>
      ${errorBox(this._editError)}
      <label>${t('works:new.titleLabel')} <input name="title" required maxlength="200" .value=${w.title}></label>
      <label>${w.kind === 'collection' ? t('works:new.items') : t('works:new.content')}
        <textarea name="content" rows="16" .value=${text}></textarea></label>
      <label>${t('works:work.messageLabel')} <input name="message" maxlength="500"></label>
      <p><button type="submit">${t('works:work.save')}</button>
        <button type="button" @click=${() => { this._editing = false; }}>${t('common:actions.cancel')}</button></p>
    </form>`;
  }

  render() {
    if (this._error) {
      setTitle(t('works:list.title'));
      return html`<section class="page"><h1>${t('works:list.title')}</h1>${errorBox(this._error)}
        <p><a href="/works">${t('works:work.back')}</a></p></section>`;
    }
    const w = this._work;
    if (!w) return html`<section class="page">${loading()}</section>`;
    setTitle(w.title);
    const me = currentUser();
    const status = w.deletedAt ? 'deleted' : w.status.toLowerCase();
    return html`<article class="page stack work-page" data-testid="work" @work-changed=${this._changed}>
      <p><a href="/works">${t('works:work.back')}</a></p>
      <header class="stack">
        <h1>${w.title}</h1>
        <p class="muted"><span class="badge" data-testid="work-status">${t(`works:status.${status}`)}</span>
          ${kindLabel(w.kind)} · ${t('works:work.version', { n: w.version })}
          · ${t('works:work.updated', { when: formatRelative(w.updatedAt) })}</p>
        ${w.summary ? html`<p class="lead">${w.summary}</p>` : nothing}
        <p class="work-attribution" data-testid="work-attribution"><strong>${t('works:work.attribution')}:</strong>
          ${w.attribution}</p>
        <p>${t('works:work.licence')}: <a class="licence" data-testid="work-licence" href=${w.licence.url}
          rel="license noopener" target="_blank">${w.licence.spdx}</a> (${w.licence.name})</p>
        ${w.status === 'PUBLISHED' && w.audience === 'EVERYONE' ? html`<p><a href="/works/${w.id}.html"
          data-testid="work-public-page">${t('works:work.publicPage')}</a></p>` : nothing}
        ${w.derivedFrom ? html`<p data-testid="work-derived-from">${t('works:work.derivedFrom', {
          title: w.derivedFrom.title, n: w.derivedFrom.version })} — <a href="/works/${w.derivedFrom.workId}">${w.derivedFrom.attribution}</a></p>`
          : nothing}
      </header>
      <section class="card stack" aria-labelledby="work-authors">
        <h2 id="work-authors">${t('works:work.authors')}</h2>
        <ul class="acct-list" data-testid="work-authors">${w.authors.map((a) => html`<li>
          <a href="/people/${a.accountId}">${a.displayName}</a>${a.city ? html` (<a href="/cities/${a.city.slug}">${a.city.name}</a>)` : nothing}
          <span class="muted">${a.role === 'CREATOR' ? t('works:authors.creator') : t('works:authors.coauthor')}</span></li>`)}</ul>
        ${w.fields?.length ? html`<p>${t('works:work.fields')}: ${w.fields.map((f) => html`<a class="chip"
          style="background:${fieldColor(f)}" href=${`/works?field=${encodeURIComponent(f)}`}>${f}</a> `)}</p>` : nothing}
        ${w.cities?.length ? html`<p>${t('works:work.cities')}: ${w.cities.map((c, i) => html`${i ? ', ' : ''}<a
          href="/cities/${c.slug}">${c.name}</a>`)}</p>` : nothing}
        ${w.languages?.length ? html`<p>${t('works:work.languages')}: ${w.languages.map(languageName).join(', ')}</p>` : nothing}
        ${w.tags?.length ? html`<p>${t('works:work.tags')}: ${w.tags.join(', ')}</p>` : nothing}
      </section>
      <section class="stack" aria-label=${w.title}>
        ${this._editing ? this._editor(w) : this._content(w)}
        <p class="actions">
          ${w.canEdit && !w.deletedAt && w.kind === 'text' ? html`<a class="button" data-testid="work-edit-live"
            href="/works/${w.id}/edit">${t('works:work.edit')}</a>` : nothing}
          ${w.canEdit && !w.deletedAt && !this._editing ? html`<button type="button" data-testid="work-edit-button"
            @click=${() => { this._editing = true; }}>${t('works:work.editHere')}</button>` : nothing}
          <span>${t('works:work.download')}:
            <button type="button" class="link" @click=${() => this._download('md')}>${t('works:work.downloadMd')}</button>
            <button type="button" class="link" @click=${() => this._download('html')}>${t('works:work.downloadHtml')}</button>
            <button type="button" class="link" @click=${() => this._download('zip')}>${t('works:work.downloadZip')}</button></span>
        </p>
      </section>
      ${this._whole ? this._below(w, me) : nothing}
    </article>`;
  }

  /** Publication, remix, lineage, history and deletion: below the work's text. */
  _below(w, me) {
    return html`${w.deletedAt ? nothing : html`<ccc-work-publish .work=${w}></ccc-work-publish>`}
      <ccc-work-lineage .work=${w}></ccc-work-lineage>
      <ccc-work-history .work=${w}></ccc-work-history>
      ${w.canEdit && !w.deletedAt ? html`<p><button type="button" class="danger" data-testid="work-delete"
        @click=${this._delete}>${t('works:work.delete')}</button></p>` : nothing}
      ${w.deletedAt && me?.admin ? html`<p><button type="button" data-testid="work-undelete"
        @click=${this._undelete}>${t('works:work.undelete')}</button></p>` : nothing}`;
  }
}

customElements.define('ccc-work-page', WorkPage);
