// Sign in: email and password, clear messages for wrong credentials and for a paused account or address (with the
// server's Retry-After as a waiting time), then back to the page the person came from (`?next=`, this site only).
import { html } from 'lit';
import { CccElement } from '../core/element.js';
import { t, formatDateTime } from '../core/i18n.js';
import { currentUser, signIn } from '../core/session.js';
import { navigate } from '../core/router.js';
import { notify } from '../core/notify.js';
import { errorBox, setTitle, pageReady } from '../core/view.js';
import {
  safeNext, formatWait, formProblem, inputField, alreadySignedIn, signUpHref,
} from '../components/acct-util.js';

class SignInPage extends CccElement {
  static properties = {
    query: { attribute: false },
    _busy: { state: true },
    _error: { state: true },
    _errors: { state: true },
    _blockedUntil: { state: true },
  };

  constructor() {
    super();
    this.query = new URLSearchParams();
    this._busy = false;
    this._error = null;
    this._errors = {};
    this._blockedUntil = 0;
  }

  connectedCallback() {
    super.connectedCallback();
  }

  sessionChanged() {
    this.requestUpdate();
  }

  disconnectedCallback() {
    clearTimeout(this._unblockTimer);
    super.disconnectedCallback();
  }

  firstUpdated() {
    pageReady(this);
    if (!currentUser()) this.querySelector('#signin-email')?.focus();
  }

  async _submit(event) {
    event.preventDefault();
    const form = event.target;
    const email = form.email.value.trim();
    const password = form.password.value;
    const errors = {};
    if (!email) errors.email = t('account:signin.emailMissing');
    if (!password) errors.password = t('account:signin.passwordMissing');
    this._errors = errors;
    this._error = null;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      form.querySelector('[aria-invalid="true"]')?.focus();
      return;
    }
    this._busy = true;
    try {
      const me = await signIn(email, password);
      notify(t('account:signin.welcome', { name: me?.displayName ?? '' }), 'success');
      navigate(safeNext(this.query), { replace: true });
    } catch (e) {
      this._showFailure(e);
      form.password.value = '';
    } finally {
      this._busy = false;
    }
  }

  _showFailure(e) {
    if (e.status === 401) {
      this._error = { message: t('account:signin.wrongCredentials') };
    } else if (e.status === 429 || e.status === 423) {
      const seconds = e.retryAfter || 60;
      this._blockedUntil = Date.now() + seconds * 1000;
      clearTimeout(this._unblockTimer);
      this._unblockTimer = setTimeout(() => { this._blockedUntil = 0; }, seconds * 1000);
      this._error = { message: t('account:signin.paused', { wait: formatWait(seconds),
        time: formatDateTime(this._blockedUntil) }) };
    } else {
      ({ errors: this._errors, summary: this._error } = formProblem(e, ['email', 'password']));
    }
  }

  render() {
    setTitle(t('account:signin.title'));
    const me = currentUser();
    if (me) return alreadySignedIn(t('account:signin.title'), me, safeNext(this.query, '/me'), t('account:signin.continue'));
    const blocked = this._blockedUntil > Date.now();
    return html`<section class="page acct-narrow">
      <h1>${t('account:signin.title')}</h1>
      <p class="muted">${t('account:signin.intro')}</p>
      <form class="form card acct-form" novalidate @submit=${this._submit} data-testid="signin-form">
        <div data-testid="signin-error">${errorBox(this._error)}</div>
        ${inputField({ id: 'signin-email', name: 'email', type: 'email', label: t('account:fields.email'),
          autocomplete: 'username', max: 320, errors: this._errors })}
        ${inputField({ id: 'signin-password', name: 'password', type: 'password', label: t('account:fields.password'),
          autocomplete: 'current-password', max: 1024, errors: this._errors })}
        <div class="form-actions">
          <button class="primary" type="submit" ?disabled=${this._busy || blocked} data-testid="signin-submit">
            ${this._busy ? t('account:signin.submitting') : t('account:signin.submit')}</button>
        </div>
      </form>
      <p>${t('account:signin.noAccount')} <a href=${signUpHref()}>${t('account:signin.createAccount')}</a></p>
    </section>`;
  }
}

customElements.define('ccc-signin-page', SignInPage);
