// Admin console, "Announcements": write an announcement to the whole network, a creative field or one city (POST
// /api/announcements; it is delivered in the background) and see the past ones with their delivery's progress.
import { html, nothing } from 'lit';
import { CccElement } from '/ui/core/element.js';
import { api } from '/ui/core/api.js';
import { t, loadNamespaces, formatNumber, formatDateTime } from '/ui/core/i18n.js';
import { notify } from '/ui/core/notify.js';
import { loading, errorBox, empty, pageReady } from '/ui/core/view.js';

const EMPTY = { audience: 'network', field: '', city: '', title: '', body: '' };

class AdminAnnounce extends CccElement {
  static properties = {
    _form: { state: true },
    _fields: { state: true },
    _past: { state: true },
    _error: { state: true },
    _formError: { state: true },
    _sending: { state: true },
  };

  constructor() {
    super();
    this._form = { ...EMPTY };
    this._fields = null;
    this._past = null;
    this._error = null;
    this._formError = null;
    this._sending = false;
  }

  connectedCallback() {
    super.connectedCallback();
    Promise.all([loadNamespaces('notifications'), this._load()]).then(async () => {
      await this.updateComplete;
      pageReady(this);
    });
  }

  async _load() {
    try {
      const [fields, past] = await Promise.all([api('/fields'), api('/announcements', { query: { size: 20 } })]);
      this._fields = fields;
      this._past = past;
      if (!this._form.field && fields.length) this._form = { ...this._form, field: fields[0].slug };
    } catch (e) {
      this._error = e;
    }
  }

  async _send(event) {
    event.preventDefault();
    const f = this._form;
    const body = { audience: f.audience, title: f.title, body: f.body };
    if (f.audience === 'field') body.field = f.field;
    if (f.audience === 'city') body.city = f.city.trim();
    this._sending = true;
    this._formError = null;
    try {
      const sent = await api('/announcements', { method: 'POST', body });
      notify(t('notifications:announce.sent', { count: sent.recipients, people: formatNumber(sent.recipients) }),
        'success');
      this._form = { ...EMPTY, field: f.field };
      this._past = await api('/announcements', { query: { size: 20 } });
    } catch (e) {
      this._formError = e;
      await this.updateComplete;
      this.querySelector('[aria-invalid=true]')?.focus();
    } finally {
      this._sending = false;
    }
  }

  render() {
    if (this._error) return errorBox(this._error);
    if (!this._fields || !this._past) return loading();
    return html`<section class="admin-section" aria-labelledby="admin-announce-title">
      <div class="admin-section-head"><h1 id="admin-announce-title">${t('notifications:announce.title')}</h1></div>
      <p class="form-hint">${t('notifications:announce.intro')}</p>
      ${this._renderForm()}
      ${this._renderPast()}
    </section>`;
  }

  _renderForm() {
    const f = this._form;
    const err = this._formError;
    const errors = err?.fieldErrors ?? {};
    const set = (key) => (e) => { this._form = { ...this._form, [key]: e.target.value }; };
    const message = (key) => (errors[key] ? html`<p class="field-error" id=${`announce-${key}-error`}
      data-testid=${`announce-${key}-error`}>${t(`notifications:announce.errors.${key}`)}</p>` : nothing);
    const unmapped = err && !['audience', 'field', 'city', 'title', 'body'].some((k) => errors[k]);
    return html`<section class="card" aria-labelledby="admin-announce-new">
      <h2 id="admin-announce-new">${t('notifications:announce.new')}</h2>
      <form class="form" @submit=${this._send} novalidate data-testid="announce-form">
        <div class="form-field">
          <label for="announce-audience">${t('notifications:announce.audience')}</label>
          <select id="announce-audience" data-testid="announce-audience" .value=${f.audience}
            @change=${set('audience')}>
            ${['network', 'field', 'city'].map((v) => html`<option value=${v} ?selected=${v === f.audience}>
              ${t(`notifications:announce.audiences.${v}`)}</option>`)}
          </select>
        </div>
        ${f.audience === 'field' ? html`<div class="form-field">
          <label for="announce-field">${t('notifications:announce.field')}</label>
          <select id="announce-field" data-testid="announce-field" .value=${f.field} @change=${set('field')}
            aria-invalid=${errors.field ? 'true' : 'false'}>
            ${this._fields.map((x) => html`<option value=${x.slug} ?selected=${x.slug === f.field}>${x.name}</option>`)}
          </select>${message('field')}</div>` : nothing}
        ${f.audience === 'city' ? html`<div class="form-field">
          <label for="announce-city">${t('notifications:announce.city')}</label>
          <p class="form-hint" id="announce-city-hint">${t('notifications:announce.cityHint')}</p>
          <input id="announce-city" data-testid="announce-city" .value=${f.city} @input=${set('city')}
            aria-describedby="announce-city-hint" aria-invalid=${errors.city ? 'true' : 'false'}>
          ${message('city')}</div>` : nothing}
        <div class="form-field">
          <label for="announce-title-input">${t('notifications:announce.titleField')}</label>
          <input id="announce-title-input" data-testid="announce-title" maxlength="200" .value=${f.title}
            @input=${set('title')} aria-invalid=${errors.title ? 'true' : 'false'}>
          ${message('title')}
        </div>
        <div class="form-field">
          <label for="announce-body">${t('notifications:announce.body')}</label>
          <p class="form-hint" id="announce-body-hint">${t('notifications:announce.bodyHint')}</p>
          <textarea id="announce-body" data-testid="announce-body" rows="6" maxlength="4000" .value=${f.body}
            @input=${set('body')} aria-describedby="announce-body-hint"
            aria-invalid=${errors.body ? 'true' : 'false'}></textarea>
          ${message('body')}
        </div>
        ${unmapped ? errorBox(err) : nothing}
        <div class="form-actions">
          <button type="submit" class="primary" data-testid="announce-send" ?disabled=${this._sending}>
            ${t('notifications:announce.send')}</button>
        </div>
      </form>
    </section>`;
  }

  _renderPast() {
    const items = this._past.items;
    return html`<section class="card" aria-labelledby="admin-announce-past">
      <h2 id="admin-announce-past">${t('notifications:announce.past')}</h2>
      ${items.length === 0 ? empty(t('notifications:announce.none')) : html`<ul class="plain-list"
        data-testid="announce-list">
        ${items.map((a) => html`<li data-testid="announce-item" data-status=${a.status}>
          <strong>${a.title}</strong>
          <span>${t(`notifications:announce.to.${a.audience}`, { field: a.field ?? '', city: a.city ?? '' })}</span>
          <span>${formatDateTime(a.createdAt)}</span>
          <span>${t(`notifications:announce.status.${a.status}`, { delivered: formatNumber(a.delivered),
            recipients: formatNumber(a.recipients) })}</span>
        </li>`)}
      </ul>`}
    </section>`;
  }
}

customElements.define('ccc-admin-announce', AdminAnnounce);
