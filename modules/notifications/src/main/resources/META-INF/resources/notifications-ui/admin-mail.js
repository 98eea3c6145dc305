// Admin console, "Mail": whether notification email is on, the outgoing SMTP server (GET/PUT /api/admin/mail; the
// password is write-only: never shown, only whether one is kept), and sending the digests now.
import { html, nothing } from 'lit';
import { CccElement } from '/ui/core/element.js';
import { api } from '/ui/core/api.js';
import { t, loadNamespaces, formatNumber } from '/ui/core/i18n.js';
import { notify } from '/ui/core/notify.js';
import { loading, errorBox, pageReady } from '/ui/core/view.js';

const FIELDS = ['host', 'port', 'from', 'tls', 'username', 'password', 'baseUrl'];

function formOf(view) {
  return {
    host: view.host ?? '',
    port: view.port == null ? '587' : String(view.port),
    from: view.from ?? '',
    tls: view.host ? view.tls : 'starttls',
    username: view.username ?? '',
    password: '',
    removePassword: false,
    baseUrl: view.baseUrl ?? location.origin,
  };
}

class AdminMail extends CccElement {
  static properties = {
    _view: { state: true },
    _form: { state: true },
    _error: { state: true },
    _formError: { state: true },
    _saving: { state: true },
    _frequency: { state: true },
    _run: { state: true },
    _running: { state: true },
    _ready: { state: true },
  };

  constructor() {
    super();
    this._view = null;
    this._form = null;
    this._error = null;
    this._formError = null;
    this._saving = false;
    this._frequency = 'daily';
    this._run = null;
    this._running = false;
    this._ready = false;
  }

  connectedCallback() {
    super.connectedCallback();
    Promise.all([loadNamespaces('notifications'), this._load()]).then(async () => {
      this._ready = true;
      await this.updateComplete;
      pageReady(this);
    });
  }

  async _load() {
    try {
      this._view = await api('/admin/mail');
      this._form = formOf(this._view);
      this._error = null;
    } catch (e) {
      this._error = e;
    }
  }

  async _save(event) {
    event.preventDefault();
    const f = this._form;
    const body = { host: f.host.trim(), port: f.port.trim() === '' ? null : Number(f.port), from: f.from.trim(),
      tls: f.tls, username: f.username.trim(), baseUrl: f.baseUrl.trim() };
    if (f.removePassword) body.password = '';
    else if (f.password) body.password = f.password;
    if (f.port.trim() !== '' && !/^\d{1,5}$/.test(f.port.trim())) body.port = -1;
    this._saving = true;
    this._formError = null;
    try {
      this._view = await api('/admin/mail', { method: 'PUT', body });
      this._form = formOf(this._view);
      notify(t('notifications:adminMail.saved'), 'success');
    } catch (e) {
      this._formError = e;
      await this.updateComplete;
      this.querySelector('[aria-invalid=true]')?.focus();
    } finally {
      this._saving = false;
    }
  }

  async _sendDigests() {
    this._running = true;
    this._run = null;
    try {
      this._run = await api('/admin/mail/digest', { method: 'POST', query: { frequency: this._frequency } });
    } catch (e) {
      this._run = { error: e };
    } finally {
      this._running = false;
    }
  }

  render() {
    if (this._error) return errorBox(this._error);
    if (!this._ready || !this._view) return loading();
    const configured = this._view.status === 'configured';
    return html`<section class="admin-section" aria-labelledby="admin-mail-title">
      <div class="admin-section-head"><h1 id="admin-mail-title">${t('notifications:adminMail.title')}</h1></div>
      <div class=${configured ? 'success-box' : 'notice'} role="status" data-testid="mail-status"
        data-status=${this._view.status}>
        <p><strong>${t(configured ? 'notifications:adminMail.configured' : 'notifications:adminMail.notConfigured')}</strong></p>
        <p>${configured ? t('notifications:adminMail.configuredText', { host: this._view.host, from: this._view.from })
          : t('notifications:adminMail.notConfiguredText')}</p>
      </div>
      ${this._renderForm()}
      ${this._renderDigests(configured)}
    </section>`;
  }

  _renderForm() {
    const f = this._form;
    const err = this._formError;
    const errors = err?.fieldErrors ?? {};
    const control = (key, type = 'text', extra = {}) => {
      const id = `admin-mail-${key}`;
      const message = errors[key] ? t(`notifications:adminMail.errors.${key}`) : null;
      const hint = extra.hint ? html`<p class="form-hint" id=${`${id}-hint`}>${extra.hint}</p>` : nothing;
      const describedBy = [extra.hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(' ');
      const set = (e) => { this._form = { ...this._form, [key]: e.target.value }; };
      return html`<div class="form-field">
        <label for=${id}>${t(`notifications:adminMail.fields.${key}`)}</label>
        ${hint}
        <input id=${id} name=${key} type=${type} .value=${f[key]} data-testid=${id} aria-invalid=${message ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing} autocomplete=${extra.autocomplete ?? 'off'}
          inputmode=${extra.inputmode ?? nothing} @input=${set}>
        ${message ? html`<p class="field-error" id=${`${id}-error`} data-testid=${`${id}-error`}>${message}</p>` : nothing}
      </div>`;
    };
    const tlsId = 'admin-mail-tls';
    const unmapped = err && !FIELDS.some((k) => errors[k]);
    return html`<section class="card" aria-labelledby="admin-mail-server">
      <h2 id="admin-mail-server">${t('notifications:adminMail.server')}</h2>
      <p class="form-hint">${t('notifications:adminMail.serverHint')}</p>
      <form class="form" @submit=${this._save} novalidate data-testid="admin-mail-form">
        ${control('host', 'text', { hint: t('notifications:adminMail.hints.host') })}
        ${control('port', 'text', { inputmode: 'numeric' })}
        <div class="form-field">
          <label for=${tlsId}>${t('notifications:adminMail.fields.tls')}</label>
          <select id=${tlsId} data-testid=${tlsId} .value=${f.tls} aria-invalid=${errors.tls ? 'true' : 'false'}
            @change=${(e) => { this._form = { ...this._form, tls: e.target.value }; }}>
            ${['starttls', 'tls', 'none'].map((v) => html`<option value=${v} ?selected=${v === f.tls}>
              ${t(`notifications:adminMail.tls.${v}`)}</option>`)}
          </select>
        </div>
        ${control('from', 'email', { autocomplete: 'off' })}
        ${control('username')}
        ${control('password', 'password', { autocomplete: 'new-password', hint: this._view.passwordSet
          ? t('notifications:adminMail.hints.passwordKept') : t('notifications:adminMail.hints.passwordNone') })}
        ${this._view.passwordSet ? html`<div class="form-field"><label class="room-check">
          <input type="checkbox" data-testid="admin-mail-remove-password" .checked=${f.removePassword}
            @change=${(e) => { this._form = { ...this._form, removePassword: e.target.checked }; }}>
          ${t('notifications:adminMail.removePassword')}</label></div>` : nothing}
        ${control('baseUrl', 'url', { hint: t('notifications:adminMail.hints.baseUrl') })}
        ${unmapped ? errorBox(err) : nothing}
        ${err && !unmapped ? html`<p class="field-error" role="alert" data-testid="admin-mail-error">
          ${t('notifications:adminMail.fix')}</p>` : nothing}
        <div class="form-actions">
          <button type="submit" class="primary" data-testid="admin-mail-save" ?disabled=${this._saving}>
            ${t('common:actions.save')}</button>
        </div>
      </form>
    </section>`;
  }

  _renderDigests(configured) {
    const run = this._run;
    return html`<section class="card" aria-labelledby="admin-mail-digests">
      <h2 id="admin-mail-digests">${t('notifications:adminMail.digests')}</h2>
      <p class="form-hint">${t(configured ? 'notifications:adminMail.digestsHint' : 'notifications:adminMail.digestsOff')}</p>
      <div class="row">
        <label for="admin-mail-frequency">${t('notifications:adminMail.frequency')}</label>
        <select id="admin-mail-frequency" data-testid="admin-mail-frequency" .value=${this._frequency}
          @change=${(e) => { this._frequency = e.target.value; }}>
          ${['daily', 'weekly'].map((v) => html`<option value=${v} ?selected=${v === this._frequency}>
            ${t(`notifications:adminMail.frequencies.${v}`)}</option>`)}
        </select>
        <button type="button" data-testid="admin-mail-send-digests" ?disabled=${!configured || this._running}
          @click=${() => this._sendDigests()}>${t('notifications:adminMail.sendDigests')}</button>
      </div>
      <div role="status" aria-live="polite" data-testid="admin-mail-digest-result">
        ${run?.error ? errorBox(run.error) : nothing}
        ${run && !run.error ? html`<p>${t('notifications:adminMail.digestRun', {
          frequency: t(`notifications:adminMail.runs.${run.frequency}`),
          people: formatNumber(run.people), sent: formatNumber(run.sent), count: run.sent })}</p>` : nothing}
      </div>
    </section>`;
  }
}

customElements.define('ccc-admin-mail', AdminMail);
