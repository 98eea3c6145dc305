// Sign up. The API answers 202 the same way whether or not the email already had an account (so nobody can learn
// who is registered), so the page then signs in with the new credentials: that is the check that the account is
// ready. When it fails, the page says so plainly and offers to sign in with the email's existing password.
import { html } from 'lit';
import { CccElement } from '../core/element.js';
import { t, formatDateTime } from '../core/i18n.js';
import { api } from '../core/api.js';
import { currentUser, signIn } from '../core/session.js';
import { navigate } from '../core/router.js';
import { notify } from '../core/notify.js';
import { errorBox, setTitle, pageReady } from '../core/view.js';
import {
  PASSWORD_MIN, PASSWORD_MAX, LIMITS, safeNext, formatWait, formProblem, inputField, alreadySignedIn,
  signInHref,
} from '../components/acct-util.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

class SignUpPage extends CccElement {
  static properties = {
    query: { attribute: false },
    _busy: { state: true },
    _error: { state: true },
    _errors: { state: true },
    _password: { state: true },
    _show: { state: true },
    _received: { state: true },
  };

  constructor() {
    super();
    this.query = new URLSearchParams();
    this._busy = false;
    this._error = null;
    this._errors = {};
    this._password = '';
    this._show = false;
    this._received = null;
  }

  firstUpdated() {
    pageReady(this);
    if (!currentUser()) this.querySelector('#signup-name')?.focus();
  }

  _validate(form) {
    const errors = {};
    const name = form.displayName.value.trim();
    const email = form.email.value.trim();
    const password = form.password.value;
    if (name.length < LIMITS.displayNameMin || name.length > LIMITS.displayNameMax) {
      errors.displayName = t('account:signup.nameLength', { min: LIMITS.displayNameMin, max: LIMITS.displayNameMax });
    }
    if (!EMAIL.test(email) || email.length > 320) errors.email = t('account:signup.emailInvalid');
    if (password.length < PASSWORD_MIN) errors.password = t('account:signup.passwordShort', { min: PASSWORD_MIN });
    else if (password.length > PASSWORD_MAX) errors.password = t('account:signup.passwordLong', { max: PASSWORD_MAX });
    return { errors, name, email, password };
  }

  async _submit(event) {
    event.preventDefault();
    const form = event.target;
    const { errors, name, email, password } = this._validate(form);
    this._errors = errors;
    this._error = null;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      form.querySelector('[aria-invalid="true"]')?.focus();
      return;
    }
    this._busy = true;
    try {
      await api('/accounts', { method: 'POST', body: { email, displayName: name, password } });
    } catch (e) {
      this._busy = false;
      this._registrationFailed(e);
      return;
    }
    try {
      const me = await signIn(email, password);
      notify(t('account:signup.welcome', { name: me?.displayName ?? name }), 'success');
      navigate(safeNext(this.query, '/me'), { replace: true });
    } catch (e) {
      // Received, but these credentials do not open an account: most likely the email was already registered.
      this._received = { email, status: e.status, retryAfter: e.retryAfter, message: e.message };
    } finally {
      this._busy = false;
    }
  }

  _registrationFailed(e) {
    if (e.status === 429) {
      const seconds = e.retryAfter || 60;
      this._error = { message: t('account:signup.tooMany', { wait: formatWait(seconds),
        time: formatDateTime(Date.now() + seconds * 1000) }) };
    } else {
      ({ errors: this._errors, summary: this._error } = formProblem(e, ['displayName', 'email', 'password']));
    }
  }

  _passwordRule() {
    const length = [...this._password].length;
    const ok = length >= PASSWORD_MIN && length <= PASSWORD_MAX;
    return html`<p class="form-hint acct-rule ${ok ? 'acct-rule-ok' : ''}" id="signup-password-hint"
        data-testid="password-rule">
      <span aria-hidden="true">${ok ? '✓' : '•'}</span>
      ${t('account:signup.passwordRule', { min: PASSWORD_MIN })}
      <span class="acct-count">${t('account:signup.passwordCount', { count: length })}</span>
    </p>`;
  }

  _renderReceived() {
    const r = this._received;
    let explanation;
    if (r.status === 401) explanation = t('account:signup.receivedExisting', { email: r.email });
    else if (r.status === 429) explanation = t('account:signup.receivedThrottled', { wait: formatWait(r.retryAfter || 60) });
    else explanation = t('account:signup.receivedFailed', { message: r.message });
    return html`<section class="page acct-narrow">
      <h1>${t('account:signup.receivedTitle')}</h1>
      <div class="notice stack" role="status" data-testid="signup-received">
        <p>${t('account:signup.receivedIntro')}</p>
        <p>${explanation}</p>
      </div>
      <p class="row">
        <a class="button button-primary" href=${signInHref()}>${t('account:signup.goSignIn')}</a>
        <button type="button" @click=${() => { this._received = null; }}>${t('account:signup.tryAgain')}</button>
      </p>
    </section>`;
  }

  render() {
    setTitle(t('account:signup.title'));
    const me = currentUser();
    if (me) return alreadySignedIn(t('account:signup.title'), me, '/me', t('account:signup.toProfile'));
    if (this._received) return this._renderReceived();
    return html`<section class="page acct-narrow">
      <h1>${t('account:signup.title')}</h1>
      <p class="muted">${t('account:signup.intro')}</p>
      <form class="form card acct-form" novalidate @submit=${this._submit} data-testid="signup-form">
        <div data-testid="signup-error">${errorBox(this._error)}</div>
        ${inputField({ id: 'signup-name', name: 'displayName', label: t('account:fields.displayName'),
          hint: t('account:signup.nameHint'), autocomplete: 'name', min: LIMITS.displayNameMin,
          max: LIMITS.displayNameMax, errors: this._errors })}
        ${inputField({ id: 'signup-email', name: 'email', type: 'email', label: t('account:fields.email'),
          autocomplete: 'email', max: 320, errors: this._errors })}
        ${inputField({ id: 'signup-password', name: 'password', type: this._show ? 'text' : 'password',
          label: t('account:fields.password'), hint: this._passwordRule(), autocomplete: 'new-password',
          min: PASSWORD_MIN, max: PASSWORD_MAX, errors: this._errors,
          onInput: (e) => { this._password = e.target.value; } })}
        <div class="form-field">
          <label class="acct-check"><input type="checkbox" .checked=${this._show}
                 @change=${(e) => { this._show = e.target.checked; }}> ${t('account:signup.showPassword')}</label>
        </div>
        <div class="form-actions">
          <button class="primary" type="submit" ?disabled=${this._busy} data-testid="signup-submit">
            ${this._busy ? t('account:signup.submitting') : t('account:signup.submit')}</button>
        </div>
      </form>
      <p>${t('account:signup.haveAccount')}
        <a href=${signInHref()}>${t('account:signup.signIn')}</a></p>
    </section>`;
  }
}

customElements.define('ccc-signup-page', SignUpPage);
