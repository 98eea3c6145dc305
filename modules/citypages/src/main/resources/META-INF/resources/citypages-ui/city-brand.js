// A city's brand page inside the city page: banner, logo, the description in the reader's language (others a
// click away), links and highlights; and, for the city's coordinators and administrators, an editor with language
// tabs and a live preview that renders Markdown with the messages' rules (core/markdown.js, loaded with the editor).
// Saving sends the version read in If-Match: an edit of an older version is refused (412) and the page is reloaded.
import { html, nothing } from 'lit';
import { CccElement } from '/ui/core/element.js';
import { api } from '/ui/core/api.js';
import { t, loadNamespaces, formatDateTime } from '/ui/core/i18n.js';
import { canManage } from '/ui/core/session.js';
import { safeMessageHtml, markdownLater } from '/ui/core/safe-html.js';

const LINK_KINDS = ['website', 'facebook', 'instagram', 'x', 'youtube', 'linkedin', 'mastodon', 'bluesky', 'tiktok',
  'vimeo', 'flickr', 'other'];

export class CityBrand extends CccElement {
  static properties = {
    slug: {},
    _page: { state: true },
    _shown: { state: true },
    _draft: { state: true },
    _tab: { state: true },
    _error: { state: true },
    _status: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    // The strings and the page at once: neither waits for the other (the city's shell preloads the strings).
    this._load(loadNamespaces('brand'));
  }

  sessionChanged() {
    this.requestUpdate();
  }

  async _load(strings) {
    try {
      [this._page] = await Promise.all([api(`/cities/${encodeURIComponent(this.slug)}/brand`), strings]);
      this._shown = this._page.language;
    } catch (e) {
      this._error = e;
    }
  }

  _edit() {
    const p = this._page;
    const descriptions = {};
    for (const d of p.descriptions) descriptions[d.language] = d.markdown;
    if (!Object.keys(descriptions).length) descriptions.en = '';
    this._draft = {
      descriptions, removed: [], banner: p.banner?.id || '', logo: p.logo?.id || '',
      links: p.links.map((l) => ({ ...l })), highlights: p.highlights.map((h) => String(h.id)).join(', '),
    };
    this._tab = Object.keys(descriptions)[0];
    this._error = null;
    this._status = null;
  }

  _addLanguage(e) {
    e.preventDefault();
    const input = this.querySelector('[data-testid=brand-new-language]');
    const tag = input.value.trim();
    if (!tag || tag in this._draft.descriptions) return;
    this._draft = { ...this._draft, descriptions: { ...this._draft.descriptions, [tag]: '' } };
    this._tab = tag;
    input.value = '';
  }

  _setText(tag, text) {
    this._draft = { ...this._draft, descriptions: { ...this._draft.descriptions, [tag]: text } };
  }

  _setLink(i, key, value) {
    const links = this._draft.links.map((l, j) => (j === i ? { ...l, [key]: value } : l));
    this._draft = { ...this._draft, links };
  }

  async _save(e) {
    e.preventDefault();
    const d = this._draft;
    const ids = d.highlights.split(',').map((s) => s.trim()).filter(Boolean);
    const body = {
      descriptions: d.descriptions, banner: d.banner.trim(), logo: d.logo.trim(),
      links: d.links.filter((l) => l.url.trim()).map((l) => ({ kind: l.kind, url: l.url.trim() })),
      highlights: ids.map((id) => ({ type: 'work', id: Number(id) })),
    };
    this._error = null;
    try {
      this._page = await api(`/cities/${encodeURIComponent(this.slug)}/brand`,
        { method: 'PATCH', body, headers: { 'If-Match': `"${this._page.version}"` } });
      this._shown = this._page.language;
      this._draft = null;
      this._status = t('brand:saved', { version: String(this._page.version) });
    } catch (err) {
      this._error = err;
      if (err.status === 412) await this._load();
    }
  }

  _view(p) {
    const shown = p.descriptions.find((d) => d.language === this._shown) || p.description;
    return html`
      ${p.banner ? html`<img class="brand-banner" src=${p.banner.url} alt=${p.banner.alt}
        data-testid="brand-banner">` : nothing}
      ${p.logo ? html`<img class="brand-logo" src=${p.logo.url} alt=${p.logo.alt} data-testid="brand-logo">` : nothing}
      ${shown ? html`<div class="brand-description" lang=${shown.language} data-testid="brand-description">
          ${safeMessageHtml(shown.html)}</div>` : html`<p class="muted">${t('brand:none')}</p>`}
      ${p.descriptions.length > 1 ? html`<p class="row" role="group" aria-label=${t('brand:otherLanguages')}>
        ${p.descriptions.map((d) => html`<button type="button" class="link" lang=${d.language}
          aria-pressed=${String(d.language === shown?.language)}
          @click=${() => { this._shown = d.language; }}>${d.language}</button>`)}</p>` : nothing}
      ${p.links.length ? html`<ul class="brand-links" data-testid="brand-links">${p.links.map((l) => html`<li>
        <a href=${l.url} rel="noopener noreferrer external">${t(`brand:kinds.${l.kind}`)}</a></li>`)}</ul>` : nothing}
      ${p.highlights.length ? html`<h3>${t('brand:highlights')}</h3>
        <ul class="brand-highlights" data-testid="brand-highlights">${p.highlights.map((h) => html`<li>
          <a href=${h.url}>${h.title}</a></li>`)}</ul>` : nothing}
      ${p.updatedAt ? html`<p class="muted">${t('brand:updated', { name: p.updatedBy.name,
        date: formatDateTime(p.updatedAt) })}</p>` : nothing}`;
  }

  _editor(d) {
    const tags = Object.keys(d.descriptions);
    return html`<form class="stack" data-testid="brand-editor" @submit=${this._save}>
      <div role="tablist" aria-label=${t('brand:languages')} class="row">
        ${tags.map((tag) => html`<button type="button" role="tab" id="brand-tab-${tag}"
          aria-controls="brand-panel" aria-selected=${String(tag === this._tab)} data-testid="brand-tab-${tag}"
          @click=${() => { this._tab = tag; }}>${tag}</button>`)}
      </div>
      <div role="tabpanel" id="brand-panel" aria-labelledby="brand-tab-${this._tab}" class="stack">
        <label for="brand-text">${t('brand:description', { language: this._tab })}</label>
        <textarea id="brand-text" rows="8" data-testid="brand-text" lang=${this._tab}
          .value=${d.descriptions[this._tab] || ''}
          @input=${(e) => this._setText(this._tab, e.target.value)}></textarea>
        <h3 id="brand-preview-title">${t('brand:preview')}</h3>
        <div class="brand-preview" aria-labelledby="brand-preview-title" aria-live="polite"
          data-testid="brand-preview">${markdownLater(this)?.previewHtml(d.descriptions[this._tab] || '') ?? nothing}</div>
      </div>
      <p class="row">
        <label for="brand-new-language">${t('brand:addLanguage')}</label>
        <input id="brand-new-language" data-testid="brand-new-language" size="8" placeholder="de, pt-BR">
        <button type="button" @click=${this._addLanguage}>${t('brand:add')}</button>
      </p>
      <label for="brand-banner-id">${t('brand:banner')}</label>
      <input id="brand-banner-id" data-testid="brand-banner-id" .value=${d.banner}
        @input=${(e) => { this._draft = { ...this._draft, banner: e.target.value }; }}>
      <label for="brand-logo-id">${t('brand:logo')}</label>
      <input id="brand-logo-id" data-testid="brand-logo-id" .value=${d.logo}
        @input=${(e) => { this._draft = { ...this._draft, logo: e.target.value }; }}>
      <fieldset class="stack"><legend>${t('brand:links')}</legend>
        ${d.links.map((l, i) => html`<p class="row">
          <label for="brand-link-kind-${i}" class="visually-hidden">${t('brand:linkKind')}</label>
          <select id="brand-link-kind-${i}" @change=${(e) => this._setLink(i, 'kind', e.target.value)}>
            ${LINK_KINDS.map((k) => html`<option value=${k} ?selected=${k === l.kind}>${t(`brand:kinds.${k}`)}</option>`)}
          </select>
          <label for="brand-link-url-${i}" class="visually-hidden">${t('brand:linkUrl')}</label>
          <input id="brand-link-url-${i}" type="url" data-testid="brand-link-url-${i}" .value=${l.url}
            @input=${(e) => this._setLink(i, 'url', e.target.value)}>
        </p>`)}
        <button type="button" data-testid="brand-add-link" @click=${() => {
          this._draft = { ...this._draft, links: [...this._draft.links, { kind: 'website', url: '' }] };
        }}>${t('brand:addLink')}</button>
      </fieldset>
      <label for="brand-highlights">${t('brand:pinnedWorks')}</label>
      <input id="brand-highlights" data-testid="brand-highlights-input" .value=${d.highlights}
        @input=${(e) => { this._draft = { ...this._draft, highlights: e.target.value }; }}>
      <p class="row">
        <button type="submit" class="primary" data-testid="brand-save">${t('brand:save')}</button>
        <button type="button" @click=${() => { this._draft = null; }}>${t('brand:cancel')}</button>
      </p>
    </form>`;
  }

  render() {
    const p = this._page;
    return html`<section class="card" aria-labelledby="brand-title" data-testid="city-brand">
      <h2 id="brand-title">${t('brand:title')}</h2>
      ${this._status ? html`<p role="status">${this._status}</p>` : nothing}
      ${this._error ? html`<p role="alert" class="error" data-testid="brand-error">
        ${this._error.status === 412 ? t('brand:stale') : this._error.problem?.detail || this._error.message}</p>`
        : nothing}
      ${!p ? nothing : this._draft ? this._editor(this._draft) : html`${this._view(p)}
        ${canManage(this.slug) ? html`<p><button type="button" data-testid="brand-edit" @click=${this._edit}>
          ${t('brand:edit')}</button></p>` : nothing}`}
    </section>`;
  }
}
customElements.define('ccc-city-brand', CityBrand);
